package dev.optamigrate.benchmarks;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.analysis.SafetyMode;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.rehearsal.Rehearsal;
import dev.optamigrate.core.rehearsal.Shadow;
import dev.optamigrate.core.target.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code verify} per pending migration: a target with 50 applied migrations, then the same rehearsal with 0 and
 * with {@link #PENDING} pending ones (each adds a column, builds an index, and adds a validated constraint on
 * one of the target's tables), on a scratch shadow database of the same server. The difference divided by the
 * count is the cost per migration; the run with none is the fixed cost (listing, replay, drift, calibration).
 */
final class VerifyBenchmark {
    static final int APPLIED = 50;
    static final int PENDING = 20;

    private final Server server;
    private final Path work;
    private final int runs;

    VerifyBenchmark(Server server, Path work, int runs) {
        this.server = server;
        this.work = work;
        this.runs = runs;
    }

    List<Row> run() throws Exception {
        Path location = MigrationSetWriter.write("flyway", work.resolve("verify"), APPLIED);
        Target target = server.target(server.freshDatabase());
        migrator(target, location).migrate();
        double none = Timing.medianOf(runs, () -> rehearse(target, location));
        for (int i = 1; i <= PENDING; i++) {
            int table = 1 + (i % APPLIED);
            Files.writeString(location.resolve("V" + (APPLIED + i) + "__pending_" + i + ".sql"),
                    "ALTER TABLE t_" + table + " ADD COLUMN p" + i + " int DEFAULT 0;\n"
                            + "CREATE INDEX t_" + table + "_p" + i + " ON t_" + table + " (p" + i + ");\n"
                            + "ALTER TABLE t_" + table + " ADD CONSTRAINT t_" + table + "_p" + i + "_positive "
                            + "CHECK (p" + i + " >= 0);\n");
        }
        double pending = Timing.medianOf(runs, () -> rehearse(target, location));
        List<Row> rows = new ArrayList<>();
        String name = "verify (target with " + APPLIED + " applied)";
        rows.add(Row.plain(name, "0 pending (fixed cost)", none));
        rows.add(new Row(name, PENDING + " pending", pending, String.format(java.util.Locale.ROOT,
                "%.0f ms per pending migration", (pending - none) / PENDING), "", ""));
        return rows;
    }

    private static void rehearse(Target target, Path location) {
        try (Shadow shadow = Shadow.scratchDatabase(target)) {
            new Rehearsal(database -> migrator(database, location), Optional.of(target), EventListener.NONE)
                    .run(shadow);
        }
    }

    private static Migrator migrator(Target target, Path location) {
        return Migrator.configure().target(target).tool("flyway").location(location.toString())
                .safety(SafetyMode.OFF).load();
    }
}
