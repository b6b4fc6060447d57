-- Widening a varchar changes the catalog only.
ALTER TABLE customers ALTER COLUMN phone TYPE varchar(40);
