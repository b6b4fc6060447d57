-- Expand step: a nullable column, safe while the previous release keeps running.
ALTER TABLE customers ADD COLUMN phone text;
