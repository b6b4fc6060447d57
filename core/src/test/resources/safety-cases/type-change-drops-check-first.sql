-- expect: none
-- transaction: none
-- The CHECK is dropped with the widening and added back NOT VALID: no row is read under the lock.
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN note varchar(100);
ALTER TABLE orders ADD CONSTRAINT orders_note_filled CHECK (note <> '') NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_note_filled;
ALTER TABLE orders DROP CONSTRAINT orders_note_filled, ALTER COLUMN note TYPE varchar(200),
    ADD CONSTRAINT orders_note_filled CHECK (note <> '') NOT VALID;
