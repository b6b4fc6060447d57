-- expect: none
-- pg: 15
TRUNCATE staging_import, staging_import_rows;
