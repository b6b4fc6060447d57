--liquibase formatted sql

--changeset app:2-seed-greeting
INSERT INTO greeting (text) VALUES ('hello');
--rollback DELETE FROM greeting WHERE text = 'hello';
