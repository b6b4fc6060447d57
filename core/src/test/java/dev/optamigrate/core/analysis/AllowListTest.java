package dev.optamigrate.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowListTest {
    private static final String INDEX = "CREATE INDEX countries_code ON countries (code);";

    @Test
    void acceptsByFileNameFlywayVersionOrChangesetId() {
        CheckReport report = new StaticCheck(15).check(List.of(new MigrationScript("db/V42__countries.sql", INDEX),
                new MigrationScript("db/V43__more.sql", INDEX), new MigrationScript("db/V44__other.sql", INDEX)));

        AllowList list = AllowList.of(List.of(
                new AllowList.Entry("V42__countries.sql", "index-not-concurrent", "250 rows"),
                new AllowList.Entry("43", "index-not-concurrent", "still 250 rows"),
                new AllowList.Entry("44", "drop-index-not-concurrent", "another rule")), "opta-migrate.yaml");
        CheckReport accepted = list.apply(report);

        assertThat(accepted.findings()).filteredOn(finding -> finding.severity() == Severity.ERROR)
                .extracting(Finding::file).containsExactly("db/V44__other.sql");
        assertThat(accepted.suppressions()).extracting(Suppression::reason)
                .containsExactly("250 rows (allow list)", "still 250 rows (allow list)");
    }

    @Test
    void anEntryNeedsAKnownRuleAndAReason() {
        MigrateException failure = catchThrowableOfType(MigrateException.class, () -> AllowList.of(List.of(
                new AllowList.Entry("V1__x.sql", "index-not-concurrent", " ")), "opta-migrate.yaml"));
        assertThat(failure.code()).isEqualTo(CoreErrorCode.CONFIGURATION);
        assertThat(failure.getMessage()).contains("opta-migrate.yaml", "needs a migration, a known rule id and a "
                + "reason");
        assertThat(catchThrowableOfType(MigrateException.class, () -> AllowList.of(List.of(
                new AllowList.Entry("V1__x.sql", "no-such-rule", "why")), "f"))).isNotNull();
    }
}
