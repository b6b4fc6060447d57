-- // add customer phone

ALTER TABLE customers ADD COLUMN phone text;

-- //@UNDO

ALTER TABLE customers DROP COLUMN phone;
