-- // index orders by customer

CREATE INDEX orders_customer_placed_idx ON orders (customer_id, placed_at DESC);

-- //@UNDO

DROP INDEX orders_customer_placed_idx;
