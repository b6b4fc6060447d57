-- The reporting role is named by a placeholder, as many projects do per environment.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${reporting_role}') THEN
        CREATE ROLE ${reporting_role} NOLOGIN;
    END IF;
END
$$;
GRANT SELECT ON customers, orders, order_items TO ${reporting_role};
