-- A stored generated column for search, filled in for every row.
ALTER TABLE products ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || sku)) STORED;
CREATE INDEX products_search_idx ON products USING gin (search);
