--liquibase formatted sql

--changeset shop:4
--comment: add customer phone
ALTER TABLE customers ADD COLUMN phone text;
--rollback ALTER TABLE customers DROP COLUMN phone;
