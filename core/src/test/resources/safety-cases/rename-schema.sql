-- expect: breaking-rename-schema
-- pg: 15
ALTER SCHEMA billing RENAME TO invoicing;
