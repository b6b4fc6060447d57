CREATE OR REPLACE FUNCTION refresh_daily_sales(target date) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO daily_sales (day, orders, revenue)
    SELECT target, count(*), coalesce(sum(total), 0) FROM orders WHERE placed_at::date = target
    ON CONFLICT (day) DO UPDATE SET orders = EXCLUDED.orders, revenue = EXCLUDED.revenue;
$$;
