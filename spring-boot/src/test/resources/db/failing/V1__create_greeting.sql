CREATE TABLE greeting (id bigint PRIMARY KEY, text text NOT NULL);
