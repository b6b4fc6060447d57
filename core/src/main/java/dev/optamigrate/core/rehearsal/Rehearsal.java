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
import dev.optamigrate.core.spi.PendingMigration;
import dev.optamigrate.core.stats.StatsSnapshot;
import dev.optamigrate.core.target.Target;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.postgresql.core.Utils;

/**
 * {@code verify}: brings a shadow database to production's version by replaying the migrations production has
 * applied, reports drift between the two, calibrates the shadow's rewrite, scan and index rates, then rehearses
 * every pending migration statement by statement (see {@link PendingRun}). Production is a live target, a
 * statistics snapshot standing in for it, or nothing (then every migration is pending and nothing is estimated).
 * A target is only read: its status, its catalog and its table sizes.
 */
public final class Rehearsal {
    private final Function<Target, Migrator> migrators;
    private final Production production;
    private final EventListener events;

    /**
     * @param migrators the engine, configured with tool and location, for a given database
     * @param target    the database whose pending migrations are rehearsed, if any
     */
    public Rehearsal(Function<Target, Migrator> migrators, Optional<Target> target, EventListener events) {
        this(migrators, target.<Production>map(t -> new Production.Live(t, migrators))
                .orElseGet(Production.None::new), events);
    }

    private Rehearsal(Function<Target, Migrator> migrators, Production production, EventListener events) {
        this.migrators = migrators;
        this.production = production;
        this.events = events;
    }

    /**
     * A rehearsal for a target that cannot be reached, from its statistics snapshot: the snapshot's history list
     * says what is pending, its sizes give the estimates and its version the rules.
     *
     * @param source the snapshot's file, for people
     */
    public static Rehearsal fromStats(Function<Target, Migrator> migrators, StatsSnapshot snapshot, String source,
            EventListener events) {
        if (snapshot.applied() == null) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "The stats file " + source + " does not say "
                    + "which migrations the target has applied, so verify cannot tell what is pending.",
                    "Export it again with the location: `opta-migrate stats export --location <dir> ...`.", null);
        }
        return new Rehearsal(migrators, new Production.Stats(snapshot, source), events);
    }

    /**
     * Rehearses on the shadow; for a tenant's schema, in a schema of the same name there, so that its relations are
     * named as production's are.
     */
    public RehearsalReport run(Shadow shadow) {
        Target shadowTarget = production.schema().map(schema -> inSchema(shadow.target(), schema))
                .orElse(shadow.target());
        Migrator shadowMigrator = migrators.apply(shadowTarget);
        List<PendingMigration> all = shadowMigrator.pending();
        Set<String> applied = production.applied();
        int replayed = lastApplied(all, applied) + 1;
        List<PendingMigration> replay = all.subList(0, replayed);
        List<PendingMigration> pending = all.subList(replayed, all.size()).stream()
                .filter(m -> !applied.contains(m.key())).toList();
        Connections connections = new Connections(shadowTarget, Connections.applicationName());
        try (Connection work = connections.open(); Connection observer = connections.open()) {
            events.on(new MigrationEvent.Progress("Replaying " + replay.size() + " applied migration(s) on the "
                    + shadow.description() + " ..."));
            Replay.apply(replay, work);
            ProductionFacts facts = production.facts(work, events);
            PendingRun run = new PendingRun(work, observer, facts.rates(), facts.sizes(), events);
            run.measure(pending);
            List<Finding> measured = new ArrayList<>(facts.drift());
            measured.addAll(run.findings());
            CheckReport check = StaticCheck.asOneHistory(facts.pgVersion())
                    .underLockGuard(shadowMigrator.lockGuarded()).check(PendingScripts.of(pending));
            return new RehearsalReport(shadow.description(), replay.size(), run.measurements(),
                    merge(check, measured), facts.sizesFrom());
        } catch (SQLException e) {
            throw new MigrateException(CoreErrorCode.CANNOT_CONNECT, "Lost the shadow database during the rehearsal: "
                    + e.getMessage(), e);
        }
    }

    /** The shadow with the schema created and set as the search_path. */
    private static Target inSchema(Target shadow, String schema) {
        try (Connection connection = new Connections(shadow, Connections.applicationName()).open();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + Utils.escapeIdentifier(null, schema));
            return shadow.withSchema(schema);
        } catch (SQLException e) {
            throw new MigrateException(CoreErrorCode.CANNOT_CONNECT, "Could not create schema " + schema + " on the "
                    + "shadow database: " + e.getMessage(), e);
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
            if (applied.contains(all.get(i).key())) {
                return i;
            }
        }
        return -1;
    }
}
