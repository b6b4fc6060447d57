-- expect: drop-database
-- pg: 15
-- transaction: none
DROP DATABASE IF EXISTS reporting;
