-- expect: none
-- pg: 13
-- Before PostgreSQL 14 there is no CONCURRENTLY form to advise.
ALTER TABLE events DETACH PARTITION events_2023;
