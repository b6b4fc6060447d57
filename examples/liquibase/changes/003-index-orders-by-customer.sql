--liquibase formatted sql

--changeset shop:3
--comment: index orders by customer
CREATE INDEX orders_customer_placed_idx ON orders (customer_id, placed_at DESC);
--rollback DROP INDEX orders_customer_placed_idx;
