CREATE TABLE daily_sales (
    day       date          PRIMARY KEY,
    orders    integer       NOT NULL,
    revenue   numeric(14,2) NOT NULL
);
