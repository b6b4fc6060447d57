CREATE TYPE product_state AS ENUM ('draft', 'active', 'retired');

CREATE TABLE products (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku        varchar(40)   NOT NULL UNIQUE,
    title      varchar(200)  NOT NULL,
    state      product_state NOT NULL DEFAULT 'draft',
    price      numeric(10,2) NOT NULL CHECK (price >= 0)
);
