package dev.optamigrate.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SuppressionsTest {

    @Test
    void anAllowCommentWithAReasonAcceptsThatRuleOnTheNextStatement() {
        CheckReport report = StaticCheckTest.check("""
                SET lock_timeout = '2s';
                -- opta-migrate:allow index-not-concurrent the table holds 200 rows
                CREATE INDEX small_idx ON small (a);
                CREATE INDEX other_idx ON small (b);
                """, 15);

        assertThat(report.suppressions()).singleElement().satisfies(suppression -> {
            assertThat(suppression.reason()).isEqualTo("the table holds 200 rows");
            assertThat(suppression.finding().line()).isEqualTo(3);
        });
        assertThat(report.findings()).extracting(Finding::rule, Finding::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("index-not-concurrent", 4));
    }

    @Test
    void aTrailingCommentAcceptsItsOwnStatementAndOnlyTheNamedRule() {
        CheckReport report = StaticCheckTest.check("SET lock_timeout = '2s';\nALTER TABLE t DROP COLUMN a, "
                + "ALTER COLUMN b SET NOT NULL; -- opta-migrate:allow breaking-drop-column unused since v41\n", 15);

        assertThat(report.suppressions()).extracting(s -> s.finding().rule()).containsExactly("breaking-drop-column");
        assertThat(report.findings()).extracting(Finding::rule).containsExactly("scan-set-not-null");
    }

    @Test
    void anAllowCommentWithoutReasonOrWithAnUnknownRuleAcceptsNothingAndIsAnError() {
        CheckReport report = StaticCheckTest.check("""
                SET lock_timeout = '2s';
                -- opta-migrate:allow index-not-concurrent
                /* opta-migrate:allow no-such-rule because */
                CREATE INDEX i ON t (a);
                """, 15);

        assertThat(report.suppressions()).isEmpty();
        assertThat(report.findings()).extracting(Finding::rule, Finding::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("invalid-suppression", 2),
                org.assertj.core.groups.Tuple.tuple("invalid-suppression", 3),
                org.assertj.core.groups.Tuple.tuple("index-not-concurrent", 4));
        assertThat(report.findings().get(0).message()).contains("needs a reason");
        assertThat(report.findings().get(1).message()).contains("Unknown rule id 'no-such-rule'");
    }
}
