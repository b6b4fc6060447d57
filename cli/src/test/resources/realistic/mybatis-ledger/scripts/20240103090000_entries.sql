-- // entries
-- Each entry is written with its lines in one transaction of its own.
BEGIN;
CREATE TABLE entries (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ledger_id bigint NOT NULL REFERENCES ledgers (id),
    booked_on date   NOT NULL,
    memo      text
);
CREATE TABLE entry_lines (
    entry_id bigint        NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    account  varchar(20)   NOT NULL,
    debit    numeric(14,2) NOT NULL DEFAULT 0,
    credit   numeric(14,2) NOT NULL DEFAULT 0,
    CHECK (debit >= 0 AND credit >= 0)
);
COMMIT;

-- //@UNDO
DROP TABLE entry_lines;
DROP TABLE entries;
