package dev.optamigrate.benchmarks;

import dev.optamigrate.core.Migrator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line as whole processes: cold start ({@code --version}, and {@code status} with 100 applied
 * migrations), each without and with the AppCDS archive the launchers write, and 16 simultaneous {@code migrate}
 * processes against one.
 */
final class ProcessBenchmark {
    static final double VERSION_TARGET_MS = 400;
    static final double CONCURRENCY_TARGET = 1.25;
    static final int PROCESSES = 16;

    private final Server server;
    private final Path work;
    private final Path cli;
    private final int runs;
    /** The JVM options of every process started; the AppCDS archive's once it is written. */
    private List<String> jvmOptions = List.of("-Xshare:auto");

    ProcessBenchmark(Server server, Path work, Path cli, int runs) {
        this.server = server;
        this.work = work;
        this.cli = cli;
        this.runs = runs;
    }

    List<Row> run() throws Exception {
        List<Row> rows = new ArrayList<>();
        Path hundred = MigrationSetWriter.write("flyway", work.resolve("status-100"), 100);
        String statusDatabase = server.freshDatabase();
        Migrator.configure().target(server.target(statusDatabase)).tool("flyway").location(hundred.toString()).load()
                .migrate();
        String[] status = {"status", "--url", server.url(statusDatabase), "--location", hundred.toString()};
        coldStart(rows, "JDK archive only", status);
        Path archive = work.resolve("opta-migrate.jsa");
        jvmOptions = List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        runAll(1, status);
        jvmOptions = List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        coldStart(rows, "AppCDS archive", status);

        Path set = MigrationSetWriter.write("flyway", work.resolve("concurrency"), 50);
        double single = median(() -> together(1, set));
        double many = median(() -> together(PROCESSES, set));
        rows.add(Row.plain("concurrency (50 migrations)", "1 migrate process", single));
        rows.add(Row.judged("concurrency (50 migrations)", PROCESSES + " migrate processes at once", many,
                many / single, "one process", CONCURRENCY_TARGET));
        rows.add(cpuFloor(set));
        double startups = median(() -> runAll(PROCESSES, "--version"));
        rows.add(new Row("concurrency (50 migrations)", PROCESSES + " × --version at once (JVM start-up only)",
                startups, String.format(java.util.Locale.ROOT, "%.2f× one process", startups / single), "", ""));
        return rows;
    }

    /** {@code --version} and {@code status} as whole processes, with the current JVM options. */
    private void coldStart(List<Row> rows, String archive, String[] status) throws Exception {
        double version = median(() -> runAll(1, "--version"));
        rows.add(new Row("cold start", "opta-migrate --version (" + archive + ")", version, "",
                "≤ " + (int) VERSION_TARGET_MS + " ms", version <= VERSION_TARGET_MS ? "met" : "missed"));
        rows.add(Row.plain("cold start", "opta-migrate status, 100 applied (" + archive + ")",
                median(() -> runAll(1, status))));
    }

    /** Wall time until {@code count} processes, started together on a fresh database, have all finished. */
    private double together(int count, Path location) throws Exception {
        String database = server.freshDatabase();
        return Timing.millis(() -> runAll(count, migrate(database, location)));
    }

    /**
     * One more 16-process run, to explain its time: the CPU its processes used divided by the cores (the floor
     * when CPU is the limit), and the total time the lock was held, from the journal (the serialized part).
     */
    private Row cpuFloor(Path location) throws Exception {
        String database = server.freshDatabase();
        double cpuBefore = ChildCpu.millis();
        double wall = Timing.millis(() -> runAll(PROCESSES, migrate(database, location)));
        double floor = (ChildCpu.millis() - cpuBefore) / Runtime.getRuntime().availableProcessors();
        return new Row("concurrency (50 migrations)", PROCESSES + " processes: CPU used ÷ cores", floor,
                String.format(java.util.Locale.ROOT, "lock held %.0f ms in all; that run took %.0f ms",
                        server.lockHeldMillis(database), wall), "", "");
    }

    private String[] migrate(String database, Path location) {
        return new String[] {"migrate", "--url", server.url(database), "--location", location.toString(), "--tool",
            "flyway"};
    }

    /** Starts {@code count} processes with the same arguments at once, and waits for all of them. */
    private void runAll(int count, String... args) throws Exception {
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            processes.add(start(args));
        }
        for (Process process : processes) {
            check(process);
        }
    }

    private double median(Timing.Work work) throws Exception {
        return Timing.medianOf(runs, work);
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", cli.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static void check(Process process) throws InterruptedException {
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("opta-migrate exited with " + exit);
        }
    }
}
