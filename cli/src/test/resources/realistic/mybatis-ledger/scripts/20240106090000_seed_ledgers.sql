-- // seed ledgers
INSERT INTO ledgers (code, name) VALUES ('GL', 'General ledger'), ('AR', 'Receivables');

-- //@UNDO
DELETE FROM ledgers WHERE code IN ('GL', 'AR');
