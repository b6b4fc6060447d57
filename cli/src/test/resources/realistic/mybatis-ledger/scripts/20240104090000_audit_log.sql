-- // audit log in the schema bootstrap.sql created
CREATE TABLE audit.events (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    happened   timestamptz NOT NULL DEFAULT now(),
    table_name text        NOT NULL,
    row_id     bigint      NOT NULL
);

-- //@UNDO
DROP TABLE audit.events;
