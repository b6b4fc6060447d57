-- expect: truncate-cascade
-- pg: 15
TRUNCATE customers CASCADE;
