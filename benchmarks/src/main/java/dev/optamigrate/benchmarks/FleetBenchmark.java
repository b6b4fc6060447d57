package dev.optamigrate.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;

/**
 * A fleet of tenant schemas, each given the same small migrations, three ways, each on a fresh database whose
 * schemas exist already: {@code opta-migrate fleet migrate} as one process; a shell loop of one {@code opta-migrate
 * migrate} process per tenant (measured on the first {@code loopTenants} and scaled to the fleet, since a full loop
 * takes a quarter of an hour); and raw Flyway in one JVM, one tenant after another.
 */
final class FleetBenchmark {
    static final double LOOP_SPEEDUP_TARGET = 10;
    static final double RAW_FLYWAY_LIMIT = 1.1;

    private final Server server;
    private final Path work;
    private final Path cli;
    private final int tenants;
    private final int migrations;
    private final int loopTenants;

    FleetBenchmark(Server server, Path work, Path cli, int tenants, int migrations, int loopTenants) {
        this.server = server;
        this.work = work;
        this.cli = cli;
        this.tenants = tenants;
        this.migrations = migrations;
        this.loopTenants = Math.min(loopTenants, tenants);
    }

    List<Row> run() throws Exception {
        Path location = writeMigrations();
        Path list = work.resolve("tenants.txt");
        Files.writeString(list, IntStream.rangeClosed(1, tenants).mapToObj(FleetBenchmark::tenant)
                .collect(Collectors.joining("\n")) + "\n");
        String name = "fleet " + tenants + " × " + migrations;
        double raw = Timing.millis(rawFlyway(location, preparedDatabase()));
        String fleetDatabase = preparedDatabase();
        double fleet = Timing.millis(() -> process("fleet", "migrate", "--url", server.url(fleetDatabase),
                "--location", location.toString(), "--targets", list.toString(), "--per-server", "4"));
        String serialDatabase = preparedDatabase();
        double serial = Timing.millis(() -> process("fleet", "migrate", "--url", server.url(serialDatabase),
                "--location", location.toString(), "--targets", list.toString(), "--per-server", "1"));
        String loopDatabase = preparedDatabase();
        double loop = Timing.millis(() -> {
            for (int n = 1; n <= loopTenants; n++) {
                process("migrate", "--url", server.url(loopDatabase) + "&currentSchema=" + tenant(n),
                        "--location", location.toString());
            }
        }) * tenants / loopTenants;
        List<Row> rows = new ArrayList<>();
        rows.add(Row.plain(name, "raw Flyway, one JVM, one tenant after another", raw));
        rows.add(Row.plain(name, "shell loop, one opta-migrate process per tenant (" + loopTenants + " measured, "
                + "scaled)", loop));
        rows.add(new Row(name, "opta-migrate fleet migrate, one process, --per-server 4", fleet,
                String.format(Locale.ROOT, "%.1f× faster than the loop; %.2f× raw Flyway", loop / fleet, fleet / raw),
                String.format(Locale.ROOT, "≥ %.0f× the loop, ≤ %.1f× raw", LOOP_SPEEDUP_TARGET,
                        RAW_FLYWAY_LIMIT),
                loop / fleet >= LOOP_SPEEDUP_TARGET && fleet / raw <= RAW_FLYWAY_LIMIT ? "met" : "missed"));
        rows.add(Row.judged(name, "opta-migrate fleet migrate, one process, --per-server 1", serial, serial / raw,
                "raw Flyway", RAW_FLYWAY_LIMIT));
        return rows;
    }

    private Path writeMigrations() throws Exception {
        Path location = Files.createDirectories(work.resolve("fleet-migrations"));
        for (int n = 1; n <= migrations; n++) {
            Files.writeString(location.resolve("V" + n + "__step_" + n + ".sql"), "CREATE TABLE t" + n
                    + " (id bigint PRIMARY KEY, note text);\nINSERT INTO t" + n + " VALUES (1, 'step " + n + "');\n");
        }
        return location;
    }

    /** A fresh database with every tenant's schema, so that each variant starts from the same place. */
    private String preparedDatabase() throws SQLException {
        String database = server.freshDatabase();
        try (Connection connection = DriverManager.getConnection(server.url(database));
                Statement statement = connection.createStatement()) {
            statement.execute(IntStream.rangeClosed(1, tenants).mapToObj(n -> "CREATE SCHEMA " + tenant(n))
                    .collect(Collectors.joining("; ")));
        }
        return database;
    }

    private Timing.Work rawFlyway(Path location, String database) {
        return () -> {
            for (int n = 1; n <= tenants; n++) {
                Flyway.configure().dataSource(server.url(database), "postgres", null).schemas(tenant(n))
                        .locations("filesystem:" + location).loggers("slf4j").load().migrate();
            }
        };
    }

    /** Runs the CLI as its own process; fails unless it exits 0. */
    private void process(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-jar", cli.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("opta-migrate " + String.join(" ", args) + " exited with " + exit);
        }
    }

    private static String tenant(int n) {
        return String.format(Locale.ROOT, "tenant_%04d", n);
    }
}
