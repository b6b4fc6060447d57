-- Totals are kept by a trigger; its body is PL/pgSQL with its own BEGIN ... END.
ALTER TABLE orders ADD COLUMN total numeric(12,2) NOT NULL DEFAULT 0;

CREATE FUNCTION refresh_order_total() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE orders
       SET total = (SELECT coalesce(sum(quantity * unit_price), 0) FROM order_items WHERE order_id = NEW.order_id)
     WHERE id = NEW.order_id;
    RETURN NEW;
END;
$$;

CREATE TRIGGER order_items_total AFTER INSERT OR UPDATE ON order_items
    FOR EACH ROW EXECUTE FUNCTION refresh_order_total();
