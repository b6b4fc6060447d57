--liquibase formatted sql

--changeset billing:reporting-1
CREATE VIEW open_invoices AS
    SELECT i.id, a.name AS account, i.amount, i.issued_on
      FROM invoices i JOIN accounts a ON a.id = i.account_id
     WHERE i.status = 'open';
--rollback DROP VIEW open_invoices;

--changeset billing:reporting-2 splitStatements:false
CREATE FUNCTION account_balance(account bigint) RETURNS numeric
LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(i.amount), 0) - coalesce((SELECT sum(p.amount) FROM payments p
        JOIN invoices x ON x.id = p.invoice_id WHERE x.account_id = account), 0)
      FROM invoices i WHERE i.account_id = account;
$$;
--rollback DROP FUNCTION account_balance(bigint);
