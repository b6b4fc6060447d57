-- expect: none
-- pg: 15
-- transaction: none
BEGIN;
UPDATE orders SET status = 'new' WHERE status IS NULL;
COMMIT;
