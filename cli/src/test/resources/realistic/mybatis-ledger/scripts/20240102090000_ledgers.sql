-- // ledgers
CREATE TABLE ledgers (
    id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code varchar(16) NOT NULL UNIQUE,
    name varchar(120) NOT NULL
);

-- //@UNDO
DROP TABLE ledgers;
