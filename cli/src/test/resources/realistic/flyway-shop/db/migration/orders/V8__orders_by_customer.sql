CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_placed_idx ON orders (customer_id, placed_at DESC);
