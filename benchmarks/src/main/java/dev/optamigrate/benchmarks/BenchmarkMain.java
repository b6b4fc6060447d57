package dev.optamigrate.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every benchmark on an embedded PostgreSQL and prints a table; writes the same numbers as JSON.
 *
 * <pre>
 * java -jar benchmarks/target/opta-migrate-benchmarks.jar [--runs 7] [--migrations 200] [--out FILE]
 *     [--only overhead|observed|process|check|verify|writer-stall|fleet] [--tenants 500]
 *     [--fleet-migrations 20] [--loop-tenants 50]
 * </pre>
 */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        int runs = intOption(args, "--runs", 7);
        int migrations = intOption(args, "--migrations", 200);
        Path out = Path.of(option(args, "--out", "benchmarks/results/latest.json"));
        Path cli = Path.of(option(args, "--cli", "cli/target/opta-migrate.jar"));
        if (!Files.isRegularFile(cli)) {
            System.err.println("error: " + cli + " is missing. Build it first: ./mvnw -B -q -DskipTests package");
            System.exit(2);
        }
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        List<Row> rows = new ArrayList<>();
        // Durability is off: the disk's fsync noise on a small machine would drown the overhead being measured.
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off").start()) {
            Server server = new Server(postgres);
            Path work = Files.createTempDirectory("opta-migrate-bench");
            String only = option(args, "--only", "all");
            if (only.equals("all") || only.equals("overhead")) {
                rows.addAll(new OverheadBenchmark(server, work, runs, migrations).run());
            }
            if (only.equals("all") || only.equals("observed")) {
                rows.addAll(new ObservedBenchmark(server, work, runs, migrations).run());
            }
            if (only.equals("all") || only.equals("process")) {
                rows.addAll(new ProcessBenchmark(server, work, cli, runs).run());
            }
            if (only.equals("all") || only.equals("check")) {
                rows.addAll(new CheckBenchmark(work, cli, runs).run());
            }
            if (only.equals("all") || only.equals("verify")) {
                rows.addAll(new VerifyBenchmark(server, work, runs).run());
            }
            if (only.equals("all") || only.equals("fleet")) {
                rows.addAll(new FleetBenchmark(server, work, cli, intOption(args, "--tenants", 500),
                        intOption(args, "--fleet-migrations", 20), intOption(args, "--loop-tenants", 50)).run());
            }
            if (only.equals("all") || only.equals("writer-stall")) {
                rows.addAll(new WriterStallBenchmark(server, work).run());
            }
        }
        Report.print(rows, runs, migrations);
        Report.writeJson(rows, runs, migrations, out);
        System.out.println("JSON written to " + out);
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static int intOption(String[] args, String name, int fallback) {
        return Integer.parseInt(option(args, name, Integer.toString(fallback)));
    }
}
