-- The app's one table.
CREATE TABLE greeting (
    id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    text text NOT NULL
);
