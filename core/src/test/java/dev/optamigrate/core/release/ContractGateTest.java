package dev.optamigrate.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.analysis.MigrationPhase;
import dev.optamigrate.core.analysis.MigrationScript;
import dev.optamigrate.core.analysis.StaticCheck;
import dev.optamigrate.core.journal.JournalEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The gate's three conditions, each failing on its own, judged against a journal written here. */
class ContractGateTest {
    private static final Instant NOV_20 = Instant.parse("2026-11-20T09:00:00Z");
    private final List<JournalEntry> runs = new ArrayList<>();
    private final List<Retirement> retirements = new ArrayList<>();

    @Test
    void aContractIsReadyOnceEveryServerRunsTheRetiringReleaseOrANewerOne() {
        run("app:1.7", "SUCCEEDED");
        retire("orders.legacy_status", run("app:1.8", "SUCCEEDED"));
        run("app:1.9", "REFUSED");

        assertThat(judge("app:1.9", running("app:1.8=2", "app:1.9=1")).notReady()).isEmpty();
    }

    @Test
    void aServerOnAReleaseFromBeforeTheRetirementBlocksIt() {
        run("app:1.7", "SUCCEEDED");
        retire("orders.legacy_status", run("app:1.8", "SUCCEEDED"));

        assertThat(reasons("app:1.9", running("app:1.7=2", "app:1.8=1"))).containsExactly("orders.legacy_status "
                + "was retired by release app:1.8 (2026-11-20); 2 pods still run app:1.7");
    }

    @Test
    void theRetiringReleaseCannotContractAndNeitherCanARunWithoutARelease() {
        retire("orders.legacy_status", run("app:1.8", "SUCCEEDED"));

        assertThat(reasons("app:1.8", running("app:1.8"))).singleElement().asString()
                .contains("retired by release app:1.8, the one migrating now");
        assertThat(reasons(null, running("app:1.8"))).singleElement().asString()
                .contains("names no release");
    }

    @Test
    void whatWasNeverRetiredCannotBeContracted() {
        run("app:1.7", "SUCCEEDED");

        assertThat(reasons("app:1.8", running("app:1.7"))).singleElement().asString()
                .contains("never retired", "-- opta-migrate:retire orders.legacy_status");
    }

    @Test
    void anUnknownRunningReleaseIsOldUnlessTrusted() {
        retire("orders.legacy_status", run("app:1.8", "SUCCEEDED"));

        assertThat(reasons("app:1.9", running("app:1.8-hotfix"))).singleElement().asString()
                .contains("app:1.8-hotfix still runs, a release the journal has never seen");
        ContractVerdict trusted = ContractGate.judge(drop(), new ReleaseContext("app:1.9",
                running("app:1.8-hotfix"), true), history());
        assertThat(trusted.notReady()).isEmpty();
        assertThat(trusted.trusted()).containsExactly("app:1.8-hotfix");
    }

    @Test
    void aFailedOrRolledBackRunSinceTheRetirementBlocksIt() {
        retire("orders.legacy_status", run("app:1.8", "SUCCEEDED"));
        run("app:1.8", "ABANDONED");
        runs.add(new JournalEntry(runs.size() + 1, "undo", "flyway", "local", "db", "app:1.8", "9", "8", 1,
                "SUCCEEDED", "h", 1, "ops", null, NOV_20, NOV_20, null, null, null, null));

        assertThat(reasons("app:1.9", running("app:1.8"))).hasSize(2).anySatisfy(reason -> assertThat(reason)
                .contains("run #2 (release app:1.8, 2026-11-20) ended ABANDONED"))
                .anySatisfy(reason -> assertThat(reason).contains("run #3", "rolled migrations back"));
    }

    @Test
    void unknownRunningReleasesBlockUntilSomebodySays() {
        retire("orders.legacy_status", run("app:1.8", "SUCCEEDED"));

        assertThat(ContractGate.judge(drop(), new ReleaseContext("app:1.9", Optional.empty(), false), history())
                .blocked()).singleElement().extracting(Contract::reason).asString()
                .contains("which releases serve traffic now is not known");
    }

    @Test
    void aTableRetirementCoversItsColumnsAndRetiringInTheSameRunIsTheSameRelease() {
        retire("orders", run("app:1.8", "SUCCEEDED"));
        assertThat(reasons("app:1.9", running("app:1.9"))).isEmpty();

        List<MigrationPhase> both = StaticCheck.asOneHistory(15).check(List.of(
                new MigrationScript("V2__retire.sql", "-- opta-migrate:retire carts\nSELECT 1;"),
                new MigrationScript("V3__drop.sql", "DROP TABLE carts;"))).phases();
        assertThat(ContractGate.judge(both, new ReleaseContext("app:1.9", running("app:1.8"), false), history())
                .blocked()).singleElement().extracting(Contract::reason).asString()
                .contains("carts is retired by release app:1.9, the one migrating now");
    }

    private List<String> reasons(String release, Optional<List<RunningRelease>> running) {
        return judge(release, running).notReady().stream().map(Contract::reason)
                .flatMap(reason -> List.of(reason.split("; (?=orders)")).stream()).toList();
    }

    private ContractVerdict judge(String release, Optional<List<RunningRelease>> running) {
        return ContractGate.judge(drop(), new ReleaseContext(release, running, false), history());
    }

    private static List<MigrationPhase> drop() {
        return StaticCheck.asOneHistory(15).check(List.of(new MigrationScript("V9__drop.sql",
                "ALTER TABLE orders DROP COLUMN legacy_status;"))).phases();
    }

    private static Optional<List<RunningRelease>> running(String... releases) {
        return Optional.of(RunningRelease.parse(String.join(",", releases), "test"));
    }

    private long run(String release, String status) {
        long id = runs.size() + 1;
        runs.add(new JournalEntry(id, "migrate", "flyway", "local", "db", release, null, null, 0, status, "h", 1,
                "ops", null, NOV_20, NOV_20, null, null, null, null));
        return id;
    }

    private void retire(String object, long journalId) {
        retirements.add(new Retirement(object, "V8__retire.sql", runs.get((int) journalId - 1).release(), journalId,
                NOV_20, null));
    }

    private ReleaseHistory history() {
        return new ReleaseHistory(runs, retirements);
    }
}
