package dev.optamigrate.benchmarks;

import dev.optamigrate.core.Migrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What a blocked migration does to the application's writes: writers insert into and update a table in a loop
 * while another transaction holds it for {@link #BLOCKER}, and an {@code ALTER TABLE} on it runs, once through the
 * raw Flyway API (no lock timeout: the statement waits, and every write queues behind it) and once through
 * opta-migrate with its defaults (the lock guard gives up after the lock timeout and retries).
 */
final class WriterStallBenchmark {
    static final Duration BLOCKER = Duration.ofSeconds(10);
    static final Duration GUARD_LIMIT = Duration.ofMillis(1_250);
    private static final int WRITERS = 4;

    private final Server server;
    private final Path work;

    WriterStallBenchmark(Server server, Path work) {
        this.server = server;
        this.work = work;
    }

    List<Row> run() throws Exception {
        List<Row> rows = new ArrayList<>();
        rows.add(row("raw flyway API (no lock timeout)", measure("raw", (location, database) -> {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(server.url(database));
            RawTools.migrate("flyway", location, dataSource);
        }), false));
        rows.add(row("opta-migrate + flyway (defaults: 1 s lock timeout)", measure("guarded", (location, database) ->
                Migrator.configure().target(server.target(database)).tool("flyway").location(location.toString())
                        .load().migrate()), true));
        return rows;
    }

    private interface Migration {
        void run(Path location, String database) throws Exception;
    }

    /** The write latencies, in milliseconds, while a blocked migration runs. */
    private List<Double> measure(String name, Migration migration) throws Exception {
        String database = server.freshDatabase();
        Path location = Files.createDirectories(work.resolve("writer-stall-" + name));
        Files.writeString(location.resolve("V1__accounts.sql"), "CREATE TABLE accounts (id bigserial PRIMARY KEY, "
                + "balance int NOT NULL DEFAULT 0);\nINSERT INTO accounts (balance) SELECT 0 FROM "
                + "generate_series(1, 1000);\n");
        migration.run(location, database);
        Files.writeString(location.resolve("V2__add_note.sql"), "ALTER TABLE accounts ADD COLUMN note text;\n");
        List<Double> latencies = new CopyOnWriteArrayList<>();
        Writers writers = new Writers(database, latencies);
        writers.start();
        Thread.sleep(500);
        try (Connection blocker = connect(database); Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            statement.execute("SELECT count(*) FROM accounts");
            CompletableFuture<Void> migrating = CompletableFuture.runAsync(() -> {
                try {
                    migration.run(location, database);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(BLOCKER.toMillis());
            blocker.commit();
            migrating.get();
        } finally {
            Thread.sleep(500);
            writers.stop();
        }
        return latencies;
    }

    private static Row row(String variant, List<Double> latencies, boolean guarded) {
        List<Double> sorted = latencies.stream().sorted().toList();
        double longest = sorted.get(sorted.size() - 1);
        double p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
        long stalled = sorted.stream().filter(latency -> latency > 1_000).count();
        String detail = String.format(Locale.ROOT, "p99 %.0f ms; %d of %d writes stalled > 1 s", p99, stalled,
                sorted.size());
        return guarded ? new Row("writer stall (longest write; 10 s blocker)", variant, longest, detail,
                "≤ " + GUARD_LIMIT.toMillis() + " ms", longest <= GUARD_LIMIT.toMillis() ? "met" : "missed")
                : new Row("writer stall (longest write; 10 s blocker)", variant, longest, detail, "", "");
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(server.url(database));
    }

    /** Threads that insert and update in a loop, each write timed. */
    private final class Writers {
        private final String database;
        private final List<Double> latencies;
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean stopped;

        Writers(String database, List<Double> latencies) {
            this.database = database;
            this.latencies = latencies;
        }

        void start() {
            for (int i = 0; i < WRITERS; i++) {
                Thread thread = new Thread(this::write, "writer-" + i);
                threads.add(thread);
                thread.start();
            }
        }

        private void write() {
            try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
                for (long i = 0; !stopped; i++) {
                    long started = System.nanoTime();
                    statement.execute(i % 2 == 0 ? "INSERT INTO accounts (balance) VALUES (1)"
                            : "UPDATE accounts SET balance = balance + 1 WHERE id = " + (1 + i % 1000));
                    latencies.add((System.nanoTime() - started) / 1e6);
                    Thread.sleep(10);
                }
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        void stop() throws InterruptedException {
            stopped = true;
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }
}
