--liquibase formatted sql

--changeset shop:2
--comment: create orders
CREATE TABLE orders (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint        NOT NULL REFERENCES customers (id),
    total       numeric(12,2) NOT NULL CHECK (total >= 0),
    status      text          NOT NULL DEFAULT 'new',
    placed_at   timestamptz   NOT NULL DEFAULT now()
);
--rollback DROP TABLE orders;
