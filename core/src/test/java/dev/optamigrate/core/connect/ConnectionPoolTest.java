package dev.optamigrate.core.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fleet's pool: a closed connection serves the next run of any schema of its database, reset in between. */
class ConnectionPoolTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Test
    void aReturnedConnectionServesTheNextSchemaWithNothingOfTheLastRunLeft(TestDatabase db) throws Exception {
        db.execute("CREATE SCHEMA pool_a; CREATE SCHEMA pool_b");
        try (ConnectionPool pool = new ConnectionPool("opta-migrate pool test")) {
            int first;
            try (Connection a = pool.connections(db.target().withSchema("pool_a")).open()) {
                first = pid(a);
                assertThat(single(a, "SELECT current_schema()")).isEqualTo("pool_a");
                a.createStatement().execute("SET lock_timeout = '7s'; SET ROLE NONE; "
                        + "CREATE TEMP TABLE scratch (id int)");
                a.createStatement().execute("SELECT pg_advisory_lock(42)");
                preparedSixTimes(a);
                a.setAutoCommit(false);
                a.createStatement().execute("CREATE TABLE pool_a.half_done (id int)");
            }
            try (Connection b = pool.connections(db.target().withSchema("pool_b")).open()) {
                assertThat(pid(b)).as("the same server process").isEqualTo(first);
                assertThat(single(b, "SELECT current_schema()")).isEqualTo("pool_b");
                assertThat(single(b, "SHOW lock_timeout")).isEqualTo("0");
                assertThat(single(b, "SHOW client_connection_check_interval")).as("the session settings are set "
                        + "again").isEqualTo("2s");
                assertThat(single(b, "SELECT to_regclass('pg_temp.scratch')")).isNull();
                assertThat(single(b, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).isEqualTo("0");
                assertThat(single(b, "SELECT to_regclass('pool_a.half_done')")).as("rolled back").isNull();
                assertThat(b.getAutoCommit()).isTrue();
                preparedSixTimes(b);
            }
        }
    }

    @Test
    void aConnectionThatBrokeOrWhoseTimeoutChangedIsNotReused(TestDatabase db) throws Exception {
        try (ConnectionPool pool = new ConnectionPool("opta-migrate pool test")) {
            Connections connections = pool.connections(db.target());
            Connection killed = connections.open();
            int terminated = pid(killed);
            db.execute("SELECT pg_terminate_backend(" + terminated + ")");
            killed.close();
            Connection bounded = connections.open();
            int shortened = pid(bounded);
            bounded.setNetworkTimeout(Runnable::run, 1500);
            bounded.close();

            try (Connection next = connections.open()) {
                assertThat(pid(next)).isNotIn(terminated, shortened);
                assertThat(next.getNetworkTimeout()).isNotEqualTo(1500);
            }
            assertThatThrownBy(bounded::createStatement).isInstanceOf(SQLException.class).hasMessageContaining(
                    "closed");
            assertThat(bounded.isClosed()).isTrue();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!db.column("SELECT 1 FROM pg_stat_activity WHERE pid = " + shortened).isEmpty()) {
                assertThat(System.nanoTime()).as("closed for good").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    private static void preparedSixTimes(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT ?::int + 1")) {
            for (int i = 0; i < 6; i++) {
                statement.setInt(1, i);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    assertThat(row.getInt(1)).isEqualTo(i + 1);
                }
            }
        }
    }

    private static int pid(Connection connection) throws SQLException {
        return Integer.parseInt(single(connection, "SELECT pg_backend_pid()"));
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
