-- // entries by ledger and day
CREATE INDEX CONCURRENTLY IF NOT EXISTS entries_ledger_day_idx ON entries (ledger_id, booked_on);

-- //@UNDO
DROP INDEX CONCURRENTLY IF EXISTS entries_ledger_day_idx;
