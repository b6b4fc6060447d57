CREATE TABLE categories (
    id        integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent_id integer REFERENCES categories (id),
    name      varchar(80) NOT NULL
);
CREATE TABLE product_categories (
    product_id  bigint  NOT NULL REFERENCES products (id),
    category_id integer NOT NULL REFERENCES categories (id),
    PRIMARY KEY (product_id, category_id)
);
