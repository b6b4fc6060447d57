-- Customers' order history is read by customer, newest first.
CREATE INDEX orders_customer_placed_idx ON orders (customer_id, placed_at DESC);
