-- More precision at the same scale: no rewrite.
ALTER TABLE products ALTER COLUMN price TYPE numeric(12,2);
