package dev.optamigrate.core.rehearsal;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.analysis.PendingScripts;
import dev.optamigrate.core.connect.Connections;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.stats.IndexStats;
import dev.optamigrate.core.stats.StatsSnapshot;
import dev.optamigrate.core.stats.TableStats;
import dev.optamigrate.core.target.Target;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a rehearsal knows of production: nothing, a live target it reads, or a statistics snapshot that stands in
 * for the target where it cannot be reached (CI). It says which migrations production applied, and gives the
 * facts for estimates.
 */
interface Production {

    /** The migrations production applied, by {@link dev.optamigrate.core.spi.MigrationInfo#key()}. */
    Set<String> applied();

    /** Drift, sizes, version and rates, read with the shadow brought to production's version. */
    ProductionFacts facts(Connection shadow, EventListener events) throws SQLException;

    /** The schema production's migrations run in, when it is one tenant's schema: the shadow replays into it. */
    default Optional<String> schema() {
        return Optional.empty();
    }

    /** No production: every migration is pending and nothing is estimated. */
    record None() implements Production {
        @Override
        public Set<String> applied() {
            return Set.of();
        }

        @Override
        public ProductionFacts facts(Connection shadow, EventListener events) throws SQLException {
            return ProductionFacts.none(PendingScripts.serverMajorVersion(shadow));
        }
    }

    /** A target read live, read-only: its history, schema, sizes and version. */
    record Live(Target target, Function<Target, Migrator> migrators) implements Production {
        @Override
        public Optional<String> schema() {
            return target.schema();
        }

        @Override
        public Set<String> applied() {
            return Set.copyOf(migrators.apply(target).status().appliedKeys());
        }

        @Override
        public ProductionFacts facts(Connection shadow, EventListener events) throws SQLException {
            try (Connection connection = new Connections(target, Connections.applicationName()).open()) {
                connection.setReadOnly(true);
                var drift = Drift.between(SchemaShape.read(shadow, target.schema()), SchemaShape.read(connection,
                        target.schema()), target.describe());
                Map<String, RelationSize> sizes = RelationSize.readAll(connection);
                int version = PendingScripts.serverMajorVersion(connection);
                return new ProductionFacts(drift, sizes, version, Optional.of(calibrate(shadow, events)),
                        "the target's table sizes");
            }
        }
    }

    /**
     * A snapshot from {@code stats export --location ...}: its history list says what is pending, its sizes give
     * the estimates and its version the rules. Drift cannot be seen without the target.
     */
    record Stats(StatsSnapshot snapshot, String source) implements Production {
        @Override
        public Set<String> applied() {
            return Set.copyOf(snapshot.applied());
        }

        @Override
        public ProductionFacts facts(Connection shadow, EventListener events) throws SQLException {
            List<String> schemas = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<RelationSize> sizes = new ArrayList<>();
            for (TableStats table : snapshot.tables()) {
                schemas.add(table.schema());
                names.add(table.name());
                sizes.add(new RelationSize(table.tableBytes(), table.totalBytes(), table.rows()));
            }
            for (IndexStats index : snapshot.indexes()) {
                schemas.add(index.schema());
                names.add(index.name());
                sizes.add(new RelationSize(index.bytes(), index.bytes(), -1));
            }
            Map<String, RelationSize> byName = new HashMap<>();
            List<String> quoted = quoted(shadow, schemas, names);
            for (int i = 0; i < quoted.size(); i++) {
                byName.put(quoted.get(i), sizes.get(i));
            }
            return new ProductionFacts(List.of(), byName, snapshot.serverVersion(),
                    Optional.of(calibrate(shadow, events)), "the table sizes in " + source + " (taken "
                            + snapshot.takenAt() + ")");
        }

        /** {@code schema.name} as PostgreSQL quotes them, which is how the shadow's catalog names relations. */
        private static List<String> quoted(Connection shadow, List<String> schemas, List<String> names)
                throws SQLException {
            List<String> quoted = new ArrayList<>();
            try (PreparedStatement statement = shadow.prepareStatement("SELECT quote_ident(s) || '.' || "
                    + "quote_ident(n) FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS r(s, n, i) ORDER BY i")) {
                statement.setArray(1, shadow.createArrayOf("text", schemas.toArray()));
                statement.setArray(2, shadow.createArrayOf("text", names.toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        quoted.add(rows.getString(1));
                    }
                }
            }
            return quoted;
        }
    }

    private static RateCalibration calibrate(Connection shadow, EventListener events) throws SQLException {
        events.on(new MigrationEvent.Progress("Calibrating the shadow's rewrite, scan and index rates on "
                + RateCalibration.ROWS + " rows ..."));
        return RateCalibration.measure(shadow);
    }
}
