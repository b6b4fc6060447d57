-- expect: type-change-rechecks-constraints
-- transaction: none
-- Widening varchar rewrites nothing, but the CHECK on the column reads every row again.
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN note varchar(100);
ALTER TABLE orders ADD CONSTRAINT orders_note_filled CHECK (note <> '') NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_note_filled;
ALTER TABLE orders ALTER COLUMN note TYPE varchar(200);
