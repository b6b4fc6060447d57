package dev.optamigrate.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * One run of the suite on a fresh database: start {@code migrate}, kill it at the moment chosen, time how long
 * the lock and the process's sessions outlive it, check, run {@code migrate} again, check again.
 */
final class KillRun {
    static final long LOCK_FREE_BOUND_MILLIS = 2_000;
    private static final Duration RUN_LIMIT = Duration.ofMinutes(2);
    /** The migration lock's key, as pg_locks splits it: "opta" and "migr" in ASCII. */
    private static final String LOCK_HELD = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = "
            + 0x6F707461L + " AND objid = " + 0x6D696772L + " AND objsubid = 1 AND granted";

    private final Database database;
    private final Path cli;
    private final String tool;
    private final Path location;

    KillRun(Database database, Path cli, String tool, Path location) {
        this.database = database;
        this.cli = cli;
        this.tool = tool;
        this.location = location;
    }

    /** An uninterrupted run, for the timeline the kills aim by; it must pass every invariant itself. */
    Timeline calibrate(String name) throws Exception {
        database.create(name);
        try {
            CliProcess run = CliProcess.start(cli, migrate(name));
            Optional<Integer> exit = run.waitFor(RUN_LIMIT);
            if (exit.isEmpty() || exit.get() != 0) {
                throw new IllegalStateException("the uninterrupted " + tool + " run failed:\n" + run.tail(20));
            }
            try (Connection connection = database.connect(name)) {
                List<Violation> violations = new Invariants(tool).afterRerun(connection);
                if (!violations.isEmpty()) {
                    throw new IllegalStateException("the uninterrupted " + tool + " run broke " + violations);
                }
            }
            return Timeline.of(run.lines());
        } finally {
            database.drop(name);
        }
    }

    RunOutcome run(String name, KillMoment moment, Timeline timeline, Random random) throws Exception {
        database.create(name);
        try (Connection watch = database.connect(name)) {
            KillMoment.Trigger trigger = moment.trigger(timeline, random);
            CliProcess first = CliProcess.start(cli, migrate(name));
            boolean reached = awaitTrigger(first, trigger);
            List<CliProcess.Line> before = first.lines();
            String lastLine = before.isEmpty() ? "" : before.get(before.size() - 1).text();
            boolean landed = reached && first.isAlive();
            long killed = System.nanoTime();
            first.kill();
            long lockFree = until(watch, LOCK_HELD, killed);
            long sessions = until(watch, "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE "
                    + "'opta-migrate % pid " + first.pid() + "'", killed);
            Invariants invariants = new Invariants(tool);
            List<Violation> violations = new ArrayList<>(invariants.afterKill(watch));
            if (lockFree > LOCK_FREE_BOUND_MILLIS) {
                violations.add(new Violation(Violation.Kind.LOCK_NOT_FREED, lockFree + " ms"));
            }
            long rerunStart = System.nanoTime();
            CliProcess rerun = CliProcess.start(cli, migrate(name));
            Optional<Integer> exit = rerun.waitFor(RUN_LIMIT);
            long rerunMillis = (System.nanoTime() - rerunStart) / 1_000_000;
            if (exit.isEmpty() || exit.get() != 0) {
                violations.add(new Violation(Violation.Kind.RERUN_FAILED, "exit " + exit.map(String::valueOf)
                        .orElse("none (still running after " + RUN_LIMIT.toMinutes() + " min)") + ":\n"
                        + rerun.tail(12)));
            }
            violations.addAll(invariants.afterRerun(watch));
            return new RunOutcome(moment, trigger.describe(), landed, lastLine, lockFree, sessions, rerunMillis,
                    violations);
        } finally {
            database.drop(name);
        }
    }

    private static boolean awaitTrigger(CliProcess process, KillMoment.Trigger trigger) throws InterruptedException {
        long from = 0;
        if (trigger.after() != null) {
            Optional<CliProcess.Line> seen = process.await(trigger.after(), RUN_LIMIT);
            if (seen.isEmpty()) {
                return false;
            }
            from = seen.get().atMillis();
        }
        long wait = from + trigger.delayMillis() - process.sinceStart();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        return true;
    }

    /** Milliseconds from {@code since} until the count query answers 0, polled every 5 ms for up to 30 s. */
    private static long until(Connection connection, String countQuery, long since) throws SQLException,
            InterruptedException {
        long deadline = since + Duration.ofSeconds(30).toNanos();
        try (Statement statement = connection.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet count = statement.executeQuery(countQuery)) {
                    count.next();
                    if (count.getLong(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(5);
            }
        }
        return (System.nanoTime() - since) / 1_000_000;
    }

    private List<String> migrate(String name) {
        return List.of("migrate", "--url", database.url(name), "--location", location.toString(), "--tool", tool);
    }
}
