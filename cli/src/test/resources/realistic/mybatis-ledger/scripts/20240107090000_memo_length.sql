-- // memo as varchar
ALTER TABLE entries ADD COLUMN reference varchar(40);

-- //@UNDO
ALTER TABLE entries DROP COLUMN reference;
