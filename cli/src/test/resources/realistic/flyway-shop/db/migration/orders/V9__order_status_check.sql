SET lock_timeout = '5s';
ALTER TABLE orders ADD CONSTRAINT orders_status_known
    CHECK (status IN ('new', 'paid', 'shipped', 'cancelled')) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_status_known;
