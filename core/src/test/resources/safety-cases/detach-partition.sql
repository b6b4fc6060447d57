-- expect: detach-partition-not-concurrent
-- pg: 14
ALTER TABLE events DETACH PARTITION events_2023;
