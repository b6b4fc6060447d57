package dev.optamigrate.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the random-kill suite on an embedded PostgreSQL, prints a table per tool and writes every run as JSON.
 * Exits 1 when an invariant was broken.
 *
 * <pre>
 * java -jar reliability/target/opta-migrate-reliability.jar [--runs 100] [--tools flyway,liquibase,mybatis]
 *     [--moments before-lock,status-read,inside-migration,between-migrations,journal-write] [--seed N]
 *     [--out FILE] [--cli cli/target/opta-migrate.jar]
 * </pre>
 */
public final class ReliabilityMain {
    private ReliabilityMain() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(option(args, "--runs", "100"));
        List<String> tools = List.of(option(args, "--tools", "flyway,liquibase,mybatis").split(","));
        List<KillMoment> moments = Arrays.stream(option(args, "--moments", "before-lock,status-read,"
                + "inside-migration,between-migrations,journal-write").split(",")).map(KillMoment::named).toList();
        long seed = Long.parseLong(option(args, "--seed", Long.toString(System.currentTimeMillis())));
        Path out = Path.of(option(args, "--out", "reliability/results/latest.json"));
        Path cli = Path.of(option(args, "--cli", "cli/target/opta-migrate.jar"));
        if (!Files.isRegularFile(cli)) {
            System.err.println("error: " + cli + " is missing. Build it first: ./mvnw -B -q -DskipTests package");
            System.exit(2);
        }
        Logger.getLogger("").setLevel(Level.WARNING);
        Random random = new Random(seed);
        SuiteReport report = new SuiteReport(seed);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                .setServerConfig("max_connections", "100").start()) {
            Database database = new Database(postgres);
            Path work = Files.createTempDirectory("opta-migrate-kill");
            for (String tool : tools) {
                report.add(tool, runTool(database, cli, tool, KillSet.write(tool, work.resolve(tool)), runs, moments,
                        random));
            }
        }
        report.print();
        report.writeJson(out);
        System.out.println("\nJSON written to " + out);
        System.exit(report.violations() == 0 ? 0 : 1);
    }

    private static List<RunOutcome> runTool(Database database, Path cli, String tool, Path location, int runs,
            List<KillMoment> moments, Random random) throws Exception {
        KillRun kills = new KillRun(database, cli, tool, location);
        Timeline timeline = kills.calibrate("calibrate_" + tool);
        System.out.printf("%s: calibrated: status read at %d ms; migrations took %s ms; %d kills%n", tool,
                timeline.statusRead(), KillSet.STEPS.stream().map(step -> String.valueOf(timeline.applied()
                        .get(step.number()) - timeline.applying().get(step.number()))).toList(), runs);
        List<RunOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            RunOutcome outcome = kills.run("kill_" + tool + "_" + i, moments.get(i % moments.size()), timeline, random);
            outcomes.add(outcome);
            System.out.printf("  %s %3d/%d %-28s %-32s lock free %4d ms, sessions %4d ms%s%n", tool, i + 1, runs,
                    outcome.moment().label(), outcome.trigger(), outcome.lockFreeMillis(), outcome.sessionsMillis(),
                    outcome.violations().isEmpty() ? "" : "  VIOLATIONS: " + outcome.violations());
        }
        return outcomes;
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
