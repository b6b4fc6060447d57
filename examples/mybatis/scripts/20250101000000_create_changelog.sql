-- // create changelog
-- The table in which MyBatis Migrations records applied scripts. The first script creates it.

CREATE TABLE ${changelog} (
    id          numeric(20,0) PRIMARY KEY,
    applied_at  varchar(25)   NOT NULL,
    description varchar(255)  NOT NULL
);

-- //@UNDO

DROP TABLE ${changelog};
