package dev.optamigrate.core.rehearsal;

import dev.optamigrate.core.analysis.Finding;
import dev.optamigrate.core.analysis.Rule;
import dev.optamigrate.core.analysis.sql.SqlScript;
import dev.optamigrate.core.analysis.sql.SqlStatement;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.settings.Durations;
import dev.optamigrate.core.spi.PendingMigration;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies the pending migrations on the shadow, statement by statement, measuring each on the relations that
 * existed before its migration. What blocks writes while working through a whole table that existed before the
 * run (the target's tables; a table an earlier pending migration creates is still empty) becomes a
 * {@code measured-blocking-lock} finding with its estimate. A statement that fails ends the rehearsal with a
 * {@code rehearsal-failed} finding.
 */
final class PendingRun {
    private final Connection work;
    private final StatementProbe probe;
    private final Optional<RateCalibration> rates;
    private final Map<String, RelationSize> sizes;
    private final EventListener events;
    private final List<StatementMeasurement> measurements = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private Set<String> tablesBeforeRun = Set.of();

    PendingRun(Connection work, Connection observer, Optional<RateCalibration> rates, Map<String, RelationSize> sizes,
            EventListener events) {
        this.work = work;
        this.probe = new StatementProbe(work, observer);
        this.rates = rates;
        this.sizes = sizes;
        this.events = events;
    }

    List<StatementMeasurement> measurements() {
        return measurements;
    }

    List<Finding> findings() {
        return findings;
    }

    void measure(List<PendingMigration> pending) throws SQLException {
        CatalogState start = CatalogState.read(work);
        Set<String> beforeRun = Set.copyOf(start.names().values());
        tablesBeforeRun = start.tableNames();
        for (PendingMigration migration : pending) {
            events.on(new MigrationEvent.Progress("Rehearsing " + migration.script() + " on the shadow ..."));
            Set<Long> existing = CatalogState.read(work).names().keySet();
            for (SqlStatement statement : SqlScript.parse(migration.sql()).statements()) {
                if (!Replay.transactionControl(statement)
                        && !measure(migration.script(), statement, existing, beforeRun)) {
                    return;
                }
            }
        }
    }

    /** Measures one statement; false when it failed, which ends the rehearsal. */
    private boolean measure(String file, SqlStatement statement, Set<Long> existing, Set<String> beforeRun) {
        long start = System.nanoTime();
        List<LockObservation> locks;
        try {
            locks = probe.run(statement.text(), existing).stream().map(this::estimated).toList();
        } catch (SQLException e) {
            findings.add(Finding.measured(Rule.REHEARSAL_FAILED, file, statement.line(), statement.compactText(),
                    "The statement fails on a copy of the schema: " + e.getMessage()
                            + " Later statements were not rehearsed."));
            return false;
        }
        measurements.add(new StatementMeasurement(file, statement.line(), statement.compactText(), locks,
                Duration.ofNanos(System.nanoTime() - start)));
        List<LockObservation> blocking = locks.stream().filter(lock -> lock.mode().blocksWrites()
                && lock.sizeDependent() && beforeRun.contains(lock.relation())).toList();
        List<String> indexes = blocking.stream().map(LockObservation::relation)
                .filter(relation -> !tablesBeforeRun.contains(relation)).toList();
        boolean onTables = blocking.size() > indexes.size();
        for (LockObservation lock : blocking) {
            if (!onTables || tablesBeforeRun.contains(lock.relation())) {
                findings.add(Finding.measured(Rule.MEASURED_BLOCKING_LOCK, file, statement.line(),
                        statement.compactText(), describe(lock) + (onTables && !indexes.isEmpty()
                                ? "; its indexes " + String.join(", ", indexes) + " are rebuilt with it" : "")));
            }
        }
        return true;
    }

    private LockObservation estimated(LockObservation lock) {
        RelationSize size = sizes.get(lock.relation());
        if (rates.isEmpty() || size == null || !lock.sizeDependent()) {
            return lock;
        }
        return lock.withEstimate(new Estimate(lock.rewritten() ? size.totalBytes() : size.tableBytes(), size.rows(),
                rates.get().estimate(lock, size)));
    }

    /** E.g. "ACCESS EXCLUSIVE on public.orders (2.1 GB, ~18M rows): rewrite, est. 40s with reads and writes blocked". */
    static String describe(LockObservation lock) {
        return lock.mode().label() + " on " + lock.relation() + lock.estimate().map(e -> " (" + e.size() + ")")
                .orElse("") + ": " + lock.work() + lock.estimate().map(e -> ", est. "
                + Durations.format(e.duration()) + " with " + lock.mode().blocks() + " blocked")
                .orElse(", with " + lock.mode().blocks() + " blocked for as long as it takes (a target or "
                        + "--stats gives an estimate)");
    }
}
