package dev.optamigrate.core.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.analysis.Finding;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Rehearsals on real PostgreSQL: a target migrated to the examples' version, a shadow on the same server. */
class RehearsalTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @TempDir
    Path dir;

    @Test
    void measuresTheLocksAndRewritesOfEachStatement(TestDatabase db) {
        Path location = migrated(db);
        MigrationSets.append("flyway", location, "changes", """
                ALTER TABLE orders ADD COLUMN public_ref uuid DEFAULT gen_random_uuid();
                ALTER TABLE orders ALTER COLUMN total TYPE numeric(14,3);
                ALTER TABLE orders ADD COLUMN channel text DEFAULT 'web';
                CREATE INDEX orders_status_idx ON orders (status);
                CREATE INDEX CONCURRENTLY orders_channel_idx ON orders (channel);
                ALTER TABLE orders ADD CONSTRAINT orders_customer_fk2 FOREIGN KEY (customer_id)
                    REFERENCES customers (id);
                """);

        RehearsalReport report = rehearse(db, location);

        assertThat(report.replayed()).isEqualTo(4);
        List<StatementMeasurement> statements = report.measurements();
        assertThat(statements).hasSize(6);
        assertThat(lock(statements.get(0), "public.orders")).satisfies(lock -> {
            assertThat(lock.mode()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(lock.rewritten()).isTrue();
        });
        assertThat(lock(statements.get(1), "public.orders")).satisfies(lock -> {
            assertThat(lock.mode()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(lock.rewritten()).isTrue();
        });
        assertThat(lock(statements.get(2), "public.orders")).satisfies(lock -> {
            assertThat(lock.mode()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(lock.rewritten()).as("a constant default is stored once").isFalse();
        });
        assertThat(lock(statements.get(3), "public.orders")).satisfies(lock -> {
            assertThat(lock.mode()).isEqualTo(LockMode.SHARE);
            assertThat(lock.indexBuilt()).isTrue();
            assertThat(lock.rewritten()).isFalse();
        });
        assertThat(lock(statements.get(4), "public.orders").mode()).isEqualTo(LockMode.SHARE_UPDATE_EXCLUSIVE);
        assertThat(lock(statements.get(5), "public.orders").mode()).isEqualTo(LockMode.SHARE_ROW_EXCLUSIVE);
        assertThat(lock(statements.get(5), "public.customers").mode()).isEqualTo(LockMode.SHARE_ROW_EXCLUSIVE);

        assertThat(report.findings().findings()).filteredOn(Finding::measured)
                .extracting(Finding::rule, Finding::line).contains(
                        org.assertj.core.groups.Tuple.tuple("measured-blocking-lock", 1),
                        org.assertj.core.groups.Tuple.tuple("measured-blocking-lock", 2),
                        org.assertj.core.groups.Tuple.tuple("measured-blocking-lock", 4))
                .doesNotContain(org.assertj.core.groups.Tuple.tuple("measured-blocking-lock", 3),
                        org.assertj.core.groups.Tuple.tuple("measured-blocking-lock", 5));
        assertThat(report.findings().findings()).filteredOn(f -> !f.measured()).extracting(Finding::rule)
                .contains("rewrite-column-default", "rewrite-column-type", "index-not-concurrent");
        assertThat(report.findings().findings()).filteredOn(f -> f.measured() && f.line() == 2)
                .as("one finding for the type change, naming the indexes rebuilt with the table").singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("public.orders", "public.orders_pkey",
                        "public.orders_customer_placed_idx"));
    }

    @Test
    void wideningAnIndexedVarcharIsNeitherARewriteNorAnIndexBuild(TestDatabase db) {
        Path location = migrated(db);
        MigrationSets.append("flyway", location, "code", "ALTER TABLE customers ADD COLUMN code varchar(10);\n"
                + "CREATE INDEX customers_code_idx ON customers (code);");
        migrator(db.target(), location).migrate();
        MigrationSets.append("flyway", location, "longer code", "ALTER TABLE customers ALTER COLUMN code TYPE "
                + "varchar(50);");

        RehearsalReport report = rehearse(db, location);

        assertThat(lock(report.measurements().get(0), "public.customers")).satisfies(lock -> {
            assertThat(lock.rewritten()).isFalse();
            assertThat(lock.indexBuilt()).isFalse();
        });
        assertThat(report.findings().findings()).filteredOn(Finding::measured).isEmpty();
    }

    @Test
    void driftIgnoresQuotesThatOnlyOneMajorVersionWrites() {
        assertThat(SchemaShape.normalized("index public.docs_idx: CREATE INDEX docs_idx ON public.docs USING gin "
                + "(\"json\")")).isEqualTo("index public.docs_idx: CREATE INDEX docs_idx ON public.docs USING gin "
                        + "(json)");
        assertThat(SchemaShape.normalized("column public.t.\"Mixed\" text")).contains("\"Mixed\"");
    }

    @Test
    void reportsDriftWhenTheTargetHasAColumnTheMigrationsNeverCreated(TestDatabase db) throws Exception {
        Path location = migrated(db);
        db.execute("ALTER TABLE customers ADD COLUMN legacy_code text");

        RehearsalReport report = rehearse(db, location);

        assertThat(report.findings().findings()).filteredOn(f -> f.rule().equals("schema-drift"))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.measured()).isTrue();
                    assertThat(finding.message()).contains("The target has column public.customers.legacy_code text");
                });
        assertThat(report.measurements()).isEmpty();
    }

    @Test
    void withoutATargetEveryMigrationIsRehearsedWithoutEstimates(TestDatabase db) {
        Path location = MigrationSets.copy("flyway", dir.resolve("all"));

        try (Shadow shadow = Shadow.scratchDatabase(db.target())) {
            RehearsalReport report = new Rehearsal(target -> migrator(target, location), Optional.empty(),
                    EventListener.NONE).run(shadow);

            assertThat(report.estimated()).isFalse();
            assertThat(report.replayed()).isZero();
            assertThat(report.measurements()).extracting(StatementMeasurement::file)
                    .contains("V1__create_customers.sql", "V4__add_customer_phone.sql");
            StatementMeasurement index = report.measurements().stream()
                    .filter(m -> m.statement().startsWith("CREATE INDEX")).findFirst().orElseThrow();
            assertThat(lock(index, "public.orders").mode()).isEqualTo(LockMode.SHARE);
            assertThat(lock(index, "public.orders").estimate()).isEmpty();
            assertThat(report.findings().findings()).as("orders is new in this run: nothing uses it yet")
                    .noneMatch(Finding::measured);
        }
    }

    @Test
    void aStatementThatFailsOnTheShadowIsAFinding(TestDatabase db) {
        Path location = migrated(db);
        MigrationSets.append("flyway", location, "broken", "ALTER TABLE orders ADD COLUMN c int;\n"
                + "ALTER TABLE no_such_table ADD COLUMN c int;\nALTER TABLE orders ADD COLUMN d int;\n");

        RehearsalReport report = rehearse(db, location);

        assertThat(report.measurements()).hasSize(1);
        assertThat(report.findings().findings()).filteredOn(f -> f.rule().equals("rehearsal-failed"))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.line()).isEqualTo(2);
                    assertThat(finding.message()).contains("no_such_table");
                });
    }

    static LockObservation lock(StatementMeasurement statement, String relation) {
        return statement.locks().stream().filter(lock -> lock.relation().equals(relation)).findFirst()
                .orElseThrow(() -> new AssertionError(relation + " not locked by " + statement));
    }

    private Path migrated(TestDatabase db) {
        Path location = MigrationSets.copy("flyway", dir.resolve("m"));
        migrator(db.target(), location).migrate();
        return location;
    }

    static RehearsalReport rehearse(TestDatabase db, Path location) {
        try (Shadow shadow = Shadow.scratchDatabase(db.target())) {
            return new Rehearsal(target -> migrator(target, location), Optional.of(db.target()), EventListener.NONE)
                    .run(shadow);
        }
    }

    static Migrator migrator(dev.optamigrate.core.target.Target target, Path location) {
        return Migrator.configure().target(target).location(location.toString()).safety(
                dev.optamigrate.core.analysis.SafetyMode.OFF).load();
    }
}
