-- expect: nested-transaction
-- pg: 15
-- transaction: none
BEGIN;
UPDATE orders SET status = 'new' WHERE status IS NULL;
BEGIN;
UPDATE customers SET name = trim(name);
COMMIT;
COMMIT;
