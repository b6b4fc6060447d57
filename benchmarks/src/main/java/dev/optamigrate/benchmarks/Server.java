package dev.optamigrate.benchmarks;

import dev.optamigrate.core.target.SslMode;
import dev.optamigrate.core.target.Target;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The benchmark's PostgreSQL server, handing out a fresh database per measured run. */
final class Server {
    private final EmbeddedPostgres postgres;
    private final AtomicInteger databases = new AtomicInteger();

    Server(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Creates an empty database and returns its name. */
    String freshDatabase() throws SQLException {
        String name = "bench_" + databases.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    /** The time runs held the lock in a database, summed from the journal (each run's start to finish). */
    double lockHeldMillis(String database) throws SQLException {
        try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
                Statement statement = connection.createStatement();
                java.sql.ResultSet sum = statement.executeQuery("SELECT sum(extract(epoch FROM finished_at - "
                        + "started_at)) * 1000 FROM opta_migrate.opta_migrate_journal")) {
            sum.next();
            return sum.getDouble(1);
        }
    }

    Target target(String database) {
        return new Target("localhost", postgres.getPort(), database, "postgres", Optional.empty(), SslMode.DISABLE,
                Duration.ofSeconds(10), Duration.ofHours(1), Map.of());
    }

    String url(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database + "?user=postgres";
    }

    int port() {
        return postgres.getPort();
    }
}
