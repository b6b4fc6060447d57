-- expect: none
-- pg: 15
CREATE SCHEMA scratch;
DROP SCHEMA scratch;
