-- expect: drop-schema
-- pg: 15
DROP SCHEMA legacy CASCADE;
