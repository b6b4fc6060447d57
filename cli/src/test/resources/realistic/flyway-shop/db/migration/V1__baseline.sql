-- Baseline of the shop schema: customers and their addresses.
CREATE TABLE customers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       varchar(120) NOT NULL UNIQUE,
    full_name   varchar(200) NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE addresses (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    line1       varchar(200) NOT NULL,
    city        varchar(100) NOT NULL,
    country     char(2)      NOT NULL
);
CREATE INDEX addresses_customer_idx ON addresses (customer_id);
