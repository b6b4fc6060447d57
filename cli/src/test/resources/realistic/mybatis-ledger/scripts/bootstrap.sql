-- // bootstrap
-- Objects the migrations expect before the first one: a schema for audit data.
CREATE SCHEMA IF NOT EXISTS audit;
