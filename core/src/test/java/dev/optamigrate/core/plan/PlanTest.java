package dev.optamigrate.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.optamigrate.core.analysis.MigrationPhase;
import dev.optamigrate.core.analysis.MigrationScript;
import dev.optamigrate.core.analysis.Phase;
import dev.optamigrate.core.analysis.StaticCheck;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.NewMigration;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each operation's steps: which release, in or outside a transaction, phase, and what each version allows. */
class PlanTest {
    private static final PlanOptions PG15 = new PlanOptions(15, 500, Duration.ofMillis(50), "id");

    @Test
    void aRenameExpandsRetiresAndContractsInThreeReleases() {
        Plan plan = Plan.of(PlanOperations.renameColumn("Orders.legacy_status", "status", "text"), PG15);

        assertThat(plan.releases()).isEqualTo(3);
        assertThat(plan.migrations(1)).extracting(NewMigration::name, NewMigration::transactional).containsExactly(
                tuple("orders_add_status", true),
                tuple("orders_sync_legacy_status_status", true),
                tuple("orders_backfill_status", false));
        assertThat(phases(plan.migrations(2))).singleElement().satisfies(phase -> {
            assertThat(phase.phase()).isEqualTo(Phase.EXPAND);
            assertThat(phase.retires()).containsExactly("orders.legacy_status");
        });
        assertThat(phases(plan.migrations(3))).singleElement().satisfies(phase -> {
            assertThat(phase.phase()).isEqualTo(Phase.CONTRACT);
            assertThat(phase.contracts()).as("its NOT NULL, then the column").extracting(
                    MigrationPhase.Contracted::object).containsOnly("orders.legacy_status").hasSize(2);
        });
        assertThat(plan.migrations(3).get(0).statements()).as("nothing the new code inserts in between, committed "
                + "statement by statement, can break the old column's NOT NULL").containsExactly(
                        "ALTER TABLE orders ALTER COLUMN legacy_status DROP NOT NULL",
                        "DROP TRIGGER IF EXISTS orders_sync_legacy_status_status ON orders",
                        "DROP FUNCTION IF EXISTS orders_sync_legacy_status_status()",
                        "ALTER TABLE orders DROP COLUMN IF EXISTS legacy_status");
        assertThat(plan.migrations(1).get(0).comments()).startsWith("opta-migrate plan: rename-column "
                + "orders.legacy_status status (text), step 1 of 5", "Release 1 of 3: expand: ships with code that "
                + "still reads and writes legacy_status (it may also write status); from here a trigger keeps them "
                + "in step.");
    }

    @Test
    void theBackfillWalksByTheKeyInBatchesUpToWhereItStarted() {
        String backfill = Plan.of(PlanOperations.changeType("orders.total", "numeric(14,2)", null), PG15)
                .migrations(1).get(2).statements().get(0);

        assertThat(backfill).contains("SELECT max(id) INTO last_at_start FROM orders", "LIMIT 500",
                "SET total_new = CAST(total AS numeric(14,2))", "total_new IS DISTINCT FROM CAST(total AS "
                        + "numeric(14,2))", "COMMIT;", "pg_sleep(0.05)");
    }

    @Test
    void setNotNullNeedsPostgres12AndABackfillNeeds11() {
        PlanOperation notNull = PlanOperations.addNotNull("customers.phone", "'unknown'");

        assertThat(Plan.of(notNull, options(12)).migrations(1)).extracting(NewMigration::name)
                .endsWith("validate_customers_phone_not_null", "customers_phone_set_not_null");
        assertThat(Plan.of(notNull, options(11)).migrations(1)).extracting(NewMigration::name)
                .endsWith("validate_customers_phone_not_null");
        assertThat(Plan.of(PlanOperations.addNotNull("customers.phone", null), options(10)).migrations(1))
                .extracting(NewMigration::name).containsExactly("customers_phone_not_null",
                        "validate_customers_phone_not_null");
        assertThatThrownBy(() -> Plan.of(notNull, options(10))).isInstanceOfSatisfying(MigrateException.class,
                failure -> assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION));
    }

    @Test
    void indexesAreBuiltConcurrentlyOutsideATransactionAndConstraintsValidatedApart() {
        Plan foreignKey = Plan.of(PlanOperations.addForeignKey("orders.referrer_id", "customers(id)"), PG15);
        Plan unique = Plan.of(PlanOperations.addUnique("customers(tenant_id, email)"), PG15);

        assertThat(foreignKey.migrations(1)).extracting(migration -> migration.statements().get(0)).containsExactly(
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_referrer_id_idx ON orders (referrer_id)",
                "ALTER TABLE orders ADD CONSTRAINT orders_referrer_id_fkey FOREIGN KEY (referrer_id) REFERENCES "
                        + "customers (id) NOT VALID",
                "ALTER TABLE orders VALIDATE CONSTRAINT orders_referrer_id_fkey");
        assertThat(unique.migrations(1)).extracting(NewMigration::transactional).containsExactly(false, true);
        assertThat(unique.migrations(1).get(1).statements()).containsExactly("ALTER TABLE customers ADD CONSTRAINT "
                + "customers_tenant_id_email_key UNIQUE USING INDEX customers_tenant_id_email_key");
    }

    @Test
    void whatCannotBeWrittenSafelyIsRefusedWithTheFix() {
        assertThatThrownBy(() -> PlanOperations.dropColumn("phone")).hasMessageContaining("not a valid column");
        assertThatThrownBy(() -> PlanOperations.renameColumn("orders.a", "b", "text; DROP TABLE orders"))
                .hasMessageContaining("cannot be written into a migration");
        assertThatThrownBy(() -> PlanOperations.addForeignKey("orders.a", "customers")).hasMessageContaining(
                "not a referenced column");
        assertThatThrownBy(() -> PlanOperations.addUnique("customers")).hasMessageContaining("names no table");
        assertThatThrownBy(() -> new PlanOptions(15, 10, Duration.ZERO, "Id Col")).hasMessageContaining(
                "not a valid key column");
    }

    private static PlanOptions options(int pgVersion) {
        return new PlanOptions(pgVersion, 1000, Duration.ofMillis(100), "id");
    }

    private static List<MigrationPhase> phases(List<NewMigration> migrations) {
        return StaticCheck.asOneHistory(15).check(migrations.stream().map(migration -> new MigrationScript(
                migration.name(), migration.script(), migration.transactional())).toList()).phases();
    }
}
