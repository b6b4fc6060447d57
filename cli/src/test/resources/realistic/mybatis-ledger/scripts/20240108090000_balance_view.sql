-- // balances
CREATE VIEW balances AS
    SELECT e.ledger_id, l.account, sum(l.debit) - sum(l.credit) AS balance
      FROM entries e JOIN entry_lines l ON l.entry_id = e.id
     GROUP BY e.ledger_id, l.account;

-- //@UNDO
DROP VIEW balances;
