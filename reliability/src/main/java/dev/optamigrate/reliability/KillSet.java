package dev.optamigrate.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The migration set every kill interrupts, in each tool's format: ten migrations, transactional ones (tables, a
 * 100,000-row fill, a column, a 20,000-row backfill, a view, two with a short sleep) mixed with three
 * {@code CREATE INDEX CONCURRENTLY}, one of them on an expression slow enough to take about 3 s: longer than the
 * server's check for a dead client (2 s), so that a kill leaves it building, and the server then cancels it.
 * Flyway runs the index scripts outside a transaction by itself, Liquibase's changesets say
 * {@code runInTransaction:false}. MyBatis can run {@code CONCURRENTLY} only with
 * {@code auto_commit=true}, where it writes its changelog row after the script's own {@code COMMIT}; its scripts
 * are therefore written to be run again harmlessly, as MyBatis requires, and wrap their statements in
 * {@code BEGIN ... COMMIT}.
 */
final class KillSet {
    static final int ROWS = 100_000;
    static final int BACKFILLED = 20_000;
    private static final String BACKFILL = "UPDATE accounts SET email = 'a' || id || '@example.com' WHERE id <= "
            + BACKFILLED + " AND email IS NULL;\n";
    static final List<Step> STEPS = List.of(
            Step.transactional(1, "accounts", "CREATE TABLE accounts (id int PRIMARY KEY, name text NOT NULL);\n",
                    "CREATE TABLE IF NOT EXISTS accounts (id int PRIMARY KEY, name text NOT NULL);\n",
                    "SELECT to_regclass('public.accounts') IS NOT NULL"),
            Step.transactional(2, "fill", "INSERT INTO accounts SELECT g, 'account ' || g FROM generate_series(1, "
                    + ROWS + ") g;\n", "INSERT INTO accounts SELECT g, 'account ' || g FROM generate_series(1, "
                    + ROWS + ") g ON CONFLICT DO NOTHING;\n",
                    "SELECT (SELECT count(*) FROM accounts) = " + ROWS),
            Step.concurrentIndex(3, "accounts_name_digest_idx", "accounts (md5(repeat(name, 1000)))"),
            Step.transactional(4, "email", "ALTER TABLE accounts ADD COLUMN email text;\nSELECT pg_sleep(0.3);\n",
                    "ALTER TABLE accounts ADD COLUMN IF NOT EXISTS email text;\nSELECT pg_sleep(0.3);\n",
                    column("accounts", "email")),
            Step.transactional(5, "orders", "CREATE TABLE orders (id bigint PRIMARY KEY, account_id int NOT NULL "
                    + "REFERENCES accounts, total numeric NOT NULL);\n", "CREATE TABLE IF NOT EXISTS orders (id bigint "
                    + "PRIMARY KEY, account_id int NOT NULL REFERENCES accounts, total numeric NOT NULL);\n",
                    "SELECT to_regclass('public.orders') IS NOT NULL"),
            Step.concurrentIndex(6, "orders_account_idx", "orders (account_id)"),
            Step.transactional(7, "backfill", BACKFILL, BACKFILL, "SELECT NOT EXISTS (SELECT 1 FROM accounts "
                    + "WHERE id <= " + BACKFILLED + " AND email IS NULL)"),
            Step.transactional(8, "events", "CREATE TABLE events (id bigint PRIMARY KEY, body text);\n"
                    + "SELECT pg_sleep(0.2);\n", "CREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY, body "
                    + "text);\nSELECT pg_sleep(0.2);\n", "SELECT to_regclass('public.events') IS NOT NULL"),
            Step.concurrentIndex(9, "accounts_email_idx", "accounts (email)"),
            Step.transactional(10, "view", "CREATE VIEW account_orders AS SELECT a.id, count(o.id) AS orders FROM "
                    + "accounts a LEFT JOIN orders o ON o.account_id = a.id GROUP BY a.id;\n", "CREATE OR REPLACE VIEW "
                    + "account_orders AS SELECT a.id, count(o.id) AS orders FROM accounts a LEFT JOIN orders o ON "
                    + "o.account_id = a.id GROUP BY a.id;\n",
                    "SELECT to_regclass('public.account_orders') IS NOT NULL"));

    private KillSet() {
    }

    /** @return the location to migrate from */
    static Path write(String tool, Path directory) throws IOException {
        Files.createDirectories(directory);
        return switch (tool) {
            case "flyway" -> flyway(directory);
            case "liquibase" -> liquibase(directory);
            case "mybatis" -> mybatis(directory);
            default -> throw new IllegalArgumentException("unknown tool " + tool);
        };
    }

    private static Path flyway(Path directory) throws IOException {
        for (Step step : STEPS) {
            Files.writeString(directory.resolve("V" + step.number() + "__" + step.name() + ".sql"), step.statements());
        }
        return directory;
    }

    private static Path liquibase(Path directory) throws IOException {
        StringBuilder changelog = new StringBuilder("--liquibase formatted sql\n");
        for (Step step : STEPS) {
            changelog.append("\n--changeset reliability:").append(step.number())
                    .append(step.transactional() ? "" : " runInTransaction:false").append('\n')
                    .append(step.statements());
        }
        return Files.writeString(directory.resolve("changelog.sql"), changelog);
    }

    private static Path mybatis(Path directory) throws IOException {
        Path scripts = Files.createDirectories(directory.resolve("scripts"));
        Path environments = Files.createDirectories(directory.resolve("environments"));
        Files.writeString(environments.resolve("development.properties"), "changelog=CHANGELOG\nauto_commit=true\n");
        Files.writeString(scripts.resolve("00000_create_changelog.sql"), "-- // create changelog\nCREATE TABLE IF NOT "
                + "EXISTS ${changelog} (id numeric(20,0) PRIMARY KEY, applied_at varchar(25) NOT NULL, description "
                + "varchar(255) NOT NULL);\n-- //@UNDO\nDROP TABLE ${changelog};\n");
        for (Step step : STEPS) {
            String body = step.transactional() ? "BEGIN;\n" + step.rerunnable() + "COMMIT;\n" : step.rerunnable();
            Files.writeString(scripts.resolve(String.format("%05d_%s.sql", step.number(), step.name())), "-- // "
                    + step.name() + "\n" + body + "-- //@UNDO\nSELECT 1;\n");
        }
        return directory;
    }

    private static String column(String table, String column) {
        return "SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = '" + table
                + "' AND column_name = '" + column + "')";
    }
}
