-- expect: none
-- pg: 14
ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY;
