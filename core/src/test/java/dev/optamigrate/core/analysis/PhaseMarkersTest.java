package dev.optamigrate.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each migration's phase: what the rules find removed or renamed, and what its comments declare and retire. */
class PhaseMarkersTest {

    @Test
    void whatTheBreakingRulesFindMakesAContractOnTheObject() {
        assertThat(contracts("ALTER TABLE orders DROP COLUMN legacy_status")).containsExactly("orders.legacy_status");
        assertThat(contracts("ALTER TABLE Orders RENAME COLUMN total TO amount")).containsExactly("orders.total");
        assertThat(contracts("ALTER TABLE orders RENAME TO purchases")).containsExactly("orders");
        assertThat(contracts("DROP TABLE IF EXISTS carts, wishes CASCADE")).containsExactly("carts", "wishes");
        assertThat(contracts("ALTER TABLE orders ALTER COLUMN note DROP NOT NULL")).containsExactly("orders.note");
        assertThat(contracts("ALTER TABLE orders ADD COLUMN code varchar(40); "
                + "ALTER TABLE orders ALTER COLUMN code TYPE varchar(10)")).containsExactly("orders.code");
    }

    @Test
    void addingAndChangingNewThingsIsAnExpand() {
        assertThat(phase("ALTER TABLE orders ADD COLUMN status text")).isEqualTo(Phase.EXPAND);
        assertThat(phase("CREATE TABLE carts (id int); DROP TABLE carts")).isEqualTo(Phase.EXPAND);
        assertThat(phase("ALTER TABLE orders ADD COLUMN code int NOT NULL")).as("breaks inserts, retires nothing")
                .isEqualTo(Phase.EXPAND);
        assertThat(phase("ALTER TABLE orders ADD COLUMN c int; ALTER TABLE orders ALTER COLUMN c TYPE bigint"))
                .isEqualTo(Phase.EXPAND);
    }

    @Test
    void aDeclaredPhaseWinsAndAContractMayNameWhatItRemoves() {
        MigrationPhase view = only("-- opta-migrate:phase contract order_totals, Price_Of\nDROP VIEW order_totals;\n"
                + "DROP FUNCTION price_of(int);");
        assertThat(view.phase()).isEqualTo(Phase.CONTRACT);
        assertThat(view.declared()).isTrue();
        assertThat(view.contracts()).extracting(MigrationPhase.Contracted::object, MigrationPhase.Contracted::line)
                .containsExactly(tuple("order_totals", 2),
                        tuple("price_of", 2));
        assertThat(phase("-- opta-migrate:phase expand\nALTER TABLE orders DROP COLUMN scratch"))
                .isEqualTo(Phase.EXPAND);
    }

    @Test
    void retirementsAreRead() {
        MigrationPhase retiring = only("-- opta-migrate:retire orders.legacy_status Carts\n"
                + "/* opta-migrate:retire orders.legacy_status */ ALTER TABLE orders ADD COLUMN status text");
        assertThat(retiring.phase()).isEqualTo(Phase.EXPAND);
        assertThat(retiring.retires()).containsExactly("orders.legacy_status", "carts");
    }

    @Test
    void anUnreadableMarkerIsAnErrorAndCountsForNothing() {
        CheckReport report = check("-- opta-migrate:phase shrink\n-- opta-migrate:retire\n"
                + "-- opta-migrate:retire public.orders.status\nALTER TABLE orders ADD COLUMN status text");
        assertThat(report.findings()).filteredOn(finding -> finding.rule().equals("invalid-marker"))
                .extracting(Finding::rule, Finding::line).containsExactly(
                tuple("invalid-marker", 1),
                tuple("invalid-marker", 2),
                tuple("invalid-marker", 3));
        assertThat(report.phases().get(0).declared()).isFalse();
        assertThat(report.phases().get(0).retires()).isEmpty();
    }

    @Test
    void anAllowCommentForTheGateIsKeptByStatementLine() {
        MigrationPhase accepted = only("ALTER TABLE orders ADD COLUMN x int;\n"
                + "-- opta-migrate:allow contract-not-ready nothing ever read it\nALTER TABLE orders DROP COLUMN y;");
        assertThat(accepted.accepted()).containsExactly(Map.entry(3, "nothing ever read it"));
        assertThat(accepted.contracts()).extracting(MigrationPhase.Contracted::line).containsExactly(3);
    }

    @Test
    void aRetirementOfATableCoversItsColumns() {
        assertThat(MigrationPhase.covers("orders", "orders.status")).isTrue();
        assertThat(MigrationPhase.covers("orders.status", "orders.status")).isTrue();
        assertThat(MigrationPhase.covers("orders.status", "orders")).isFalse();
        assertThat(MigrationPhase.covers("order", "orders.status")).isFalse();
    }

    private static List<String> contracts(String sql) {
        MigrationPhase phase = only(sql);
        assertThat(phase.phase()).isEqualTo(Phase.CONTRACT);
        return phase.contracts().stream().map(MigrationPhase.Contracted::object).toList();
    }

    private static Phase phase(String sql) {
        return only(sql).phase();
    }

    private static MigrationPhase only(String sql) {
        List<MigrationPhase> phases = check(sql).phases();
        assertThat(phases).hasSize(1);
        return phases.get(0);
    }

    private static CheckReport check(String sql) {
        return StaticCheck.asOneHistory(15).check(List.of(new MigrationScript("V9__change.sql", sql)));
    }
}
