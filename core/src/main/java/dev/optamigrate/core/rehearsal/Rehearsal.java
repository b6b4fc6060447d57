package dev.optamigrate.core.rehearsal;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.analysis.CheckReport;
import dev.optamigrate.core.analysis.Finding;
import dev.optamigrate.core.analysis.PendingScripts;
import dev.optamigrate.core.analysis.StaticCheck;
import dev.optamigrate.core.analysis.Suppression;
import dev.optamigrate.core.connect.Connections;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.spi.MigrationInfo;
import dev.optamigrate.core.spi.PendingMigration;
import dev.optamigrate.core.target.Target;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code verify}: brings a shadow database to the target's version by replaying the migrations the target has
 * applied, reports drift between the two, calibrates the shadow's rewrite, scan and index rates, then rehearses
 * every pending migration statement by statement (see {@link PendingRun}). Without a target every migration is
 * pending and nothing is estimated. The target is only read: its status, its catalog and its table sizes.
 */
public final class Rehearsal {
    private final Function<Target, Migrator> migrators;
    private final Optional<Target> target;
    private final EventListener events;

    /**
     * @param migrators the engine, configured with tool and location, for a given database
     * @param target    the database whose pending migrations are rehearsed, if any
     */
    public Rehearsal(Function<Target, Migrator> migrators, Optional<Target> target, EventListener events) {
        this.migrators = migrators;
        this.target = target;
        this.events = events;
    }

    public RehearsalReport run(Shadow shadow) {
        Migrator shadowMigrator = migrators.apply(shadow.target());
        List<PendingMigration> all = shadowMigrator.pending();
        Set<String> applied = target.map(this::appliedKeys).orElse(Set.of());
        int replayed = lastApplied(all, applied) + 1;
        List<PendingMigration> replay = all.subList(0, replayed);
        List<PendingMigration> pending = all.subList(replayed, all.size()).stream()
                .filter(m -> !applied.contains(key(m))).toList();
        Connections connections = new Connections(shadow.target(), Connections.applicationName());
        try (Connection work = connections.open(); Connection observer = connections.open()) {
            events.on(new MigrationEvent.Progress("Replaying " + replay.size() + " applied migration(s) on the "
                    + shadow.description() + " ..."));
            Replay.apply(replay, work);
            TargetFacts facts = target.isPresent() ? TargetFacts.read(target.get(), work, events)
                    : TargetFacts.none(PendingScripts.serverMajorVersion(work));
            PendingRun run = new PendingRun(work, observer, facts.rates(), facts.sizes(), events);
            run.measure(pending);
            List<Finding> measured = new ArrayList<>(facts.drift());
            measured.addAll(run.findings());
            CheckReport check = StaticCheck.asOneHistory(facts.pgVersion())
                    .underLockGuard(shadowMigrator.lockGuarded()).check(PendingScripts.of(pending));
            return new RehearsalReport(shadow.description(), replay.size(), run.measurements(),
                    merge(check, measured), target.isPresent());
        } catch (SQLException e) {
            throw new MigrateException(CoreErrorCode.CANNOT_CONNECT, "Lost the shadow database during the rehearsal: "
                    + e.getMessage(), e);
        }
    }

    /** The static findings with the measured ones; a measured finding on a statement whose static one is accepted
     * by an allow comment is accepted with the same reason. */
    private static CheckReport merge(CheckReport check, List<Finding> measured) {
        List<Finding> findings = new ArrayList<>(check.findings());
        List<Suppression> suppressions = new ArrayList<>(check.suppressions());
        for (Finding finding : measured) {
            Optional<Suppression> accepted = check.suppressions().stream()
                    .filter(s -> s.finding().file().equals(finding.file()) && s.finding().line() == finding.line())
                    .findFirst();
            if (accepted.isPresent()) {
                suppressions.add(new Suppression(finding, accepted.get().reason()));
            } else {
                findings.add(finding);
            }
        }
        return check.with(findings, suppressions);
    }

    /**
     * The position of the last migration the target has applied, in the tool's order; everything up to it ran on
     * the target (a bootstrap script too, which the tool does not record), so it is replayed. -1 for none.
     */
    private static int lastApplied(List<PendingMigration> all, Set<String> applied) {
        for (int i = all.size() - 1; i >= 0; i--) {
            if (applied.contains(key(all.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    private Set<String> appliedKeys(Target database) {
        return migrators.apply(database).status().applied().stream().map(Rehearsal::key)
                .collect(Collectors.toSet());
    }

    private static String key(MigrationInfo info) {
        return info.version() != null ? info.version() : info.script();
    }

    private static String key(PendingMigration migration) {
        return migration.version() != null ? migration.version() : migration.script();
    }

    /** What the target contributes: drift, sizes, its version, and the rates calibrated for estimates. */
    private record TargetFacts(List<Finding> drift, Map<String, RelationSize> sizes, int pgVersion,
            Optional<RateCalibration> rates) {

        static TargetFacts none(int pgVersion) {
            return new TargetFacts(List.of(), Map.of(), pgVersion, Optional.empty());
        }

        static TargetFacts read(Target target, Connection shadow, EventListener events) throws SQLException {
            Connections connections = new Connections(target, Connections.applicationName());
            try (Connection connection = connections.open()) {
                connection.setReadOnly(true);
                List<Finding> drift = Drift.between(SchemaShape.read(shadow), SchemaShape.read(connection),
                        target.describe());
                Map<String, RelationSize> sizes = RelationSize.readAll(connection);
                int version = PendingScripts.serverMajorVersion(connection);
                events.on(new MigrationEvent.Progress("Calibrating the shadow's rewrite, scan and index rates on "
                        + RateCalibration.ROWS + " rows ..."));
                return new TargetFacts(drift, sizes, version, Optional.of(RateCalibration.measure(shadow)));
            }
        }
    }
}
