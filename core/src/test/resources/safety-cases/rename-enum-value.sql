-- expect: breaking-rename-enum-value
-- pg: 15
ALTER TYPE order_status RENAME VALUE 'canceled' TO 'cancelled';
