-- expect: validate-in-same-transaction
-- pg: 15
-- The tool runs this migration in one transaction: the ADD's lock is still held while VALIDATE scans.
ALTER TABLE orders
    ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
