package dev.optamigrate.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The suite's PostgreSQL server: a fresh database per run, with the audit table the transactional steps write. */
final class Database {
    private final EmbeddedPostgres postgres;

    Database(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Creates an empty database with the {@code reliability} schema (kept out of the tool's schema). */
    void create(String name) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        try (Connection connection = connect(name); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA reliability; CREATE TABLE " + Step.AUDIT + " (step int NOT NULL, "
                    + "at timestamptz NOT NULL DEFAULT clock_timestamp())");
        }
    }

    void drop(String name) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    Connection connect(String name) throws SQLException {
        return postgres.getDatabase("postgres", name).getConnection();
    }

    String url(String name) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name + "?user=postgres";
    }
}
