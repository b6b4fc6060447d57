package dev.optamigrate.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule with an unsafe statement it reports and a safe variant it leaves alone. */
class StaticCheckTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                unsafe("rewrite-column-default", "ALTER TABLE t ADD COLUMN c uuid DEFAULT uuid_generate_v4()"),
                unsafe("rewrite-column-default", "ALTER TABLE t ADD COLUMN c double precision DEFAULT random() * 2"),
                unsafe("rewrite-column-default", "ALTER TABLE t ADD c integer DEFAULT my_function(1)"),
                unsafe("rewrite-column-default", "ALTER TABLE t ADD COLUMN id bigserial"),
                unsafe("rewrite-column-default", "ALTER TABLE t ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY"),
                unsafe("rewrite-column-default", "ALTER TABLE t ADD COLUMN s int GENERATED ALWAYS AS (a + b) STORED"),
                safe("ALTER TABLE t ADD COLUMN c numeric(10,2) DEFAULT '0'::numeric(10,2)"),
                safe("ALTER TABLE t ADD COLUMN c timestamptz DEFAULT CURRENT_TIMESTAMP"),
                safe("ALTER TABLE t ADD COLUMN c jsonb DEFAULT jsonb_build_object('a', 1) NOT NULL"),
                safe("ALTER TABLE t ADD COLUMN c text DEFAULT NULL"),
                unsafe("rewrite-column-type", "ALTER TABLE t ALTER COLUMN c TYPE bigint"),
                unsafe("rewrite-column-type", "ALTER TABLE t ALTER c SET DATA TYPE text USING c::text"),
                safe("ALTER TABLE t ALTER COLUMN c SET DEFAULT 0"),
                unsafe("scan-set-not-null", "ALTER TABLE t ALTER COLUMN c SET NOT NULL"),
                unsafe("fk-without-not-valid", "ALTER TABLE t ADD FOREIGN KEY (u_id) REFERENCES u (id)"),
                safe("ALTER TABLE t ADD CONSTRAINT t_u_fk FOREIGN KEY (u_id) REFERENCES u (id) NOT VALID"),
                unsafe("check-without-not-valid", "ALTER TABLE t ADD CHECK (a > 0)"),
                unsafe("check-without-not-valid", "ALTER TABLE t ADD COLUMN a int CHECK (a > 0)"),
                safe("ALTER TABLE t ADD CONSTRAINT a_positive CHECK (a > 0) NOT VALID"),
                unsafe("index-not-concurrent", "CREATE UNIQUE INDEX IF NOT EXISTS t_a ON ONLY public.t (a)"),
                unsafe("index-not-concurrent", "CREATE INDEX ON t USING gin (doc)"),
                safe("CREATE UNIQUE INDEX CONCURRENTLY t_a ON t (a)"),
                unsafe("drop-index-not-concurrent", "DROP INDEX IF EXISTS t_a"),
                safe("DROP INDEX CONCURRENTLY IF EXISTS t_a"),
                safe("CREATE TABLE n (id int); CREATE INDEX n_i ON n (id); DROP INDEX n_i"),
                unsafe("drop-index-not-concurrent", "CREATE INDEX CONCURRENTLY t_a ON t (a); DROP INDEX t_a"),
                safe("CREATE TABLE n (id int, code text UNIQUE); DROP INDEX IF EXISTS n_code_key"),
                unsafe("drop-index-not-concurrent", "CREATE TABLE n (id int); DROP INDEX IF EXISTS n_custom"),
                unsafe("constraint-builds-index", "ALTER TABLE t ADD CONSTRAINT t_pk PRIMARY KEY (id)"),
                unsafe("constraint-builds-index", "ALTER TABLE t ADD COLUMN code text UNIQUE"),
                unsafe("constraint-builds-index", "ALTER TABLE t ADD EXCLUDE USING gist (during WITH &&)"),
                safe("ALTER TABLE t ADD CONSTRAINT t_pk PRIMARY KEY USING INDEX t_id_idx"),
                safe("ALTER TABLE t ADD CONSTRAINT t_code UNIQUE USING INDEX t_code_idx"),
                unsafe("table-lock-maintenance", "VACUUM (FULL, ANALYZE) t"),
                safe("VACUUM (FULL false) t"),
                safe("VACUUM ANALYZE t"),
                unsafe("table-lock-maintenance", "CLUSTER"),
                unsafe("table-lock-maintenance", "REINDEX INDEX t_a"),
                safe("REINDEX (CONCURRENTLY) INDEX t_a"),
                unsafe("table-lock-maintenance", "ALTER INDEX t_a SET TABLESPACE fast"),
                unsafe("concurrent-in-transaction", "START TRANSACTION; DROP INDEX CONCURRENTLY t_a; COMMIT"),
                unsafe("concurrent-in-transaction", "BEGIN; REINDEX INDEX CONCURRENTLY t_a; END"),
                safe("BEGIN; ALTER TABLE t ADD COLUMN c text; COMMIT; CREATE INDEX CONCURRENTLY t_c ON t (c)"),
                safe("ALTER TABLE t ADD COLUMN c varchar(50); ALTER TABLE t ALTER COLUMN c TYPE varchar(100)"),
                safe("ALTER TABLE t ADD COLUMN c varchar(50); ALTER TABLE t ALTER COLUMN c TYPE text"),
                safe("ALTER TABLE t ADD COLUMN c character varying(5); ALTER TABLE t ALTER c SET DATA TYPE varchar"),
                safe("ALTER TABLE t ADD COLUMN c numeric(10,2); ALTER TABLE t ALTER COLUMN c TYPE numeric(12,2)"),
                safe("ALTER TABLE t ADD COLUMN c timestamp(0); ALTER TABLE t ALTER COLUMN c TYPE timestamp(3)"),
                safe("ALTER TABLE t ADD c timestamp(3) with time zone; ALTER TABLE t ALTER c TYPE timestamptz"),
                safe("ALTER TABLE t ADD COLUMN c interval(0); ALTER TABLE t ALTER COLUMN c TYPE interval(6)"),
                safe("ALTER TABLE t ADD COLUMN c bit varying(8); ALTER TABLE t ALTER COLUMN c TYPE varbit(16)"),
                safe("ALTER TABLE t ADD COLUMN c cidr; ALTER TABLE t ALTER COLUMN c TYPE inet"),
                unsafe("rewrite-column-type", "ALTER TABLE t ADD COLUMN c timestamp(3); "
                        + "ALTER TABLE t ALTER COLUMN c TYPE timestamp(0)"),
                unsafe("rewrite-column-type", "ALTER TABLE t ADD COLUMN c inet; "
                        + "ALTER TABLE t ALTER COLUMN c TYPE cidr"),
                unsafe("rewrite-column-type", "ALTER TABLE t ADD COLUMN c timestamp; "
                        + "ALTER TABLE t ALTER COLUMN c TYPE timestamptz"),
                unsafe("fk-without-not-valid", "ALTER TABLE t ADD COLUMN u_id bigint DEFAULT 1 REFERENCES u (id)"),
                safe("ALTER TABLE t ADD COLUMN u_id bigint REFERENCES u (id)"),
                safe("ALTER TABLE t ADD COLUMN u_id bigint DEFAULT NULL REFERENCES u (id)"),
                Arguments.of(List.of("breaking-narrow-type", "rewrite-column-type"), "ALTER TABLE t ADD COLUMN c "
                        + "varchar(50); ALTER TABLE t ALTER COLUMN c TYPE varchar(20)"),
                Arguments.of(List.of("breaking-narrow-type", "rewrite-column-type"), "ALTER TABLE t ADD COLUMN c "
                        + "bigint; ALTER TABLE t ALTER COLUMN c TYPE integer"),
                Arguments.of(List.of("breaking-narrow-type", "rewrite-column-type"), "ALTER TABLE t ADD COLUMN c "
                        + "text; ALTER TABLE t ALTER COLUMN c TYPE varchar(20)"),
                Arguments.of(List.of("breaking-narrow-type", "rewrite-column-type"), "ALTER TABLE t ADD COLUMN c "
                        + "numeric(12,3); ALTER TABLE t ALTER COLUMN c TYPE numeric(12,2)"),
                unsafe("rewrite-column-type", "ALTER TABLE t ADD COLUMN c integer; "
                        + "ALTER TABLE t ALTER COLUMN c TYPE bigint"),
                unsafe("breaking-drop-not-null", "ALTER TABLE t ALTER COLUMN c DROP NOT NULL"),
                safe("CREATE TABLE n (c int NOT NULL); ALTER TABLE n ALTER COLUMN c DROP NOT NULL"),
                unsafe("rewrite-column-type", "ALTER TABLE t ADD COLUMN c numeric(10,2); "
                        + "ALTER TABLE t ALTER COLUMN c TYPE numeric(12,3)"),
                unsafe("rewrite-column-type", "ALTER TABLE t ADD COLUMN c varchar(50); "
                        + "ALTER TABLE t ALTER COLUMN c TYPE varchar(100) USING upper(c)"),
                unsafe("rewrite-column-type", "ALTER TABLE t ALTER COLUMN c TYPE varchar(100)"),
                unsafe("transaction-control", "CREATE TABLE a (id int); COMMIT; CREATE TABLE b (id int)"),
                unsafe("transaction-control", "BEGIN; CREATE TABLE a (id int); ROLLBACK; CREATE TABLE b (id int)"),
                safe("BEGIN; CREATE TABLE a (id int); CREATE TABLE b (id int); COMMIT"),
                safe("CREATE TABLE a (id int); SAVEPOINT s; CREATE TABLE b (id int); ROLLBACK TO s; "
                        + "CREATE TABLE c (id int)"),
                safe("CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN COMMIT; END $$; "
                        + "CREATE TABLE b (id int)"),
                unsafe("breaking-drop-column", "ALTER TABLE t DROP COLUMN IF EXISTS c"),
                unsafe("breaking-drop-column", "ALTER TABLE t DROP c, DROP CONSTRAINT t_c"),
                safe("ALTER TABLE t DROP CONSTRAINT t_c"),
                unsafe("breaking-drop-table", "DROP TABLE IF EXISTS a, b CASCADE"),
                safe("CREATE TABLE tmp (id int); DROP TABLE tmp"),
                unsafe("breaking-rename-column", "ALTER TABLE t RENAME c TO d"),
                safe("ALTER TABLE t RENAME CONSTRAINT c TO d"),
                unsafe("breaking-rename-table", "ALTER TABLE IF EXISTS t RENAME TO u"),
                safe("CREATE TABLE n (id int); ALTER TABLE n RENAME TO m; ALTER TABLE m ADD COLUMN x int NOT NULL"),
                unsafe("breaking-not-null-without-default", "ALTER TABLE t ADD COLUMN c int NOT NULL"),
                safe("ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 0"),
                safe("CREATE TABLE \"Orders\" (id int); CREATE INDEX o_id ON \"Orders\" (id);"
                        + "ALTER TABLE \"Orders\" ADD COLUMN c uuid DEFAULT gen_random_uuid()"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void reportsTheUnsafeVariantOnly(List<String> expected, String sql) {
        assertThat(rules(sql, 15)).isEqualTo(expected);
    }

    @Test
    void constantDefaultsRewriteBeforePostgres11Only() {
        String sql = "ALTER TABLE t ADD COLUMN c text DEFAULT 'x'";
        assertThat(rules(sql, 10)).containsExactly("rewrite-column-default");
        assertThat(rules(sql, 11)).isEmpty();
    }

    @Test
    void aCheckValidatedInTheNextMigrationHelpsSetNotNullFromPostgres12Only() {
        List<MigrationScript> scripts = List.of(
                new MigrationScript("V1__check.sql",
                        "ALTER TABLE t ADD CONSTRAINT c_nn CHECK (c IS NOT NULL) NOT VALID"),
                new MigrationScript("V2__not_null.sql", "ALTER TABLE t VALIDATE CONSTRAINT c_nn;"
                        + "ALTER TABLE t ALTER COLUMN c SET NOT NULL; ALTER TABLE t DROP CONSTRAINT c_nn"));
        assertThat(warnings(StaticCheck.asOneHistory(11).check(scripts))).containsExactly("scan-set-not-null");
        assertThat(warnings(StaticCheck.asOneHistory(12).check(scripts))).isEmpty();
    }

    @Test
    void validatingInTheTransactionThatAddedTheConstraintScansUnderItsLock() {
        String sql = "ALTER TABLE t ADD CONSTRAINT c_nn CHECK (c IS NOT NULL) NOT VALID;\n"
                + "ALTER TABLE t VALIDATE CONSTRAINT c_nn;";
        assertThat(check(sql, 15).findings()).filteredOn(finding -> finding.rule().equals(
                "validate-in-same-transaction")).singleElement().satisfies(finding -> {
                    assertThat(finding.line()).isEqualTo(2);
                    assertThat(finding.message()).contains("c_nn", "same transaction");
                });
        assertThat(warnings(new StaticCheck(15).check(List.of(new MigrationScript("V1__x.sql", sql, false)))))
                .isEmpty();
    }

    @Test
    void migrationsAppliedLongAgoAreHistoryWhatTheyCreatedExistsAndTheirTypesAreKnown() {
        CheckReport report = StaticCheck.asOneHistory(15).checkAfter(
                List.of(new MigrationScript("V1__orders.sql", "CREATE TABLE orders (id bigint, note varchar(20));"
                        + "CREATE INDEX orders_id ON orders (id);")),
                List.of(new MigrationScript("V2__note.sql", "SET lock_timeout = '1s';\n"
                        + "ALTER TABLE orders ALTER COLUMN note TYPE varchar(40);\nDROP INDEX orders_id;")));

        assertThat(report.findings()).extracting(Finding::file, Finding::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("V2__note.sql", "drop-index-not-concurrent"));
        assertThat(report.migrations()).isEqualTo(1);
    }

    @Test
    void aTypeChangeReportsTheConstraintsPostgresChecksAgain() {
        List<MigrationScript> applied = List.of(new MigrationScript("V1__shop.sql", """
                CREATE TABLE customers (id int PRIMARY KEY, code varchar(10) CHECK (length(code) > 1),
                    label varchar(10), CONSTRAINT customers_label_check CHECK (label <> ''),
                    email varchar(50) NOT NULL CONSTRAINT customers_email_format CHECK (email LIKE '%@%'));
                CREATE TABLE orders (id bigint PRIMARY KEY, customer_id int REFERENCES customers);
                CREATE TABLE notes (id bigint PRIMARY KEY, customer_id int);
                ALTER TABLE notes ADD CONSTRAINT notes_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id)
                    NOT VALID;
                """));

        assertThat(rechecks(applied, "ALTER TABLE customers ALTER COLUMN code TYPE varchar(20);"))
                .as("a widening keeps the rows, the CHECK reads them all").singleElement().asString()
                .contains("CHECK constraint customers_code_check is checked again", "reading every row of customers");
        assertThat(rechecks(applied, "ALTER TABLE customers ALTER COLUMN label TYPE varchar(20);")).singleElement()
                .asString().contains("CHECK constraint customers_label_check");
        assertThat(rechecks(applied, "ALTER TABLE customers ALTER COLUMN email TYPE varchar(90);")).singleElement()
                .asString().contains("CHECK constraint customers_email_format");
        assertThat(rechecks(applied, "ALTER TABLE customers ALTER COLUMN id TYPE bigint;"))
                .as("the NOT VALID foreign key of notes is not validated again").singleElement().asString()
                .contains("foreign key orders_customer_id_fkey of orders is validated again, reading all of orders")
                .doesNotContain("notes");
        assertThat(rechecks(applied, "ALTER TABLE orders ALTER COLUMN customer_id TYPE bigint;")).singleElement()
                .asString().contains("its foreign key orders_customer_id_fkey is validated again, reading all of "
                        + "customers");
        assertThat(rechecks(applied, "ALTER TABLE customers DROP CONSTRAINT customers_label_check, ALTER COLUMN "
                + "label TYPE varchar(20), ADD CONSTRAINT customers_label_check CHECK (label <> '') NOT VALID;"))
                .as("dropped first, added back NOT VALID").isEmpty();
        assertThat(rechecks(applied, "ALTER TABLE notes VALIDATE CONSTRAINT notes_customer_fk;\n"
                + "ALTER TABLE customers ALTER COLUMN id TYPE bigint;")).singleElement().asString()
                .contains("notes_customer_fk of notes");
        assertThat(rechecks(applied, "ALTER TABLE customers ALTER COLUMN code TYPE text;"))
                .as("varchar to text rewrites nothing either").hasSize(1);
        assertThat(rechecks(applied, "ALTER TABLE customers ALTER COLUMN code TYPE varchar(5);"))
                .as("narrowing reads every row anyway: rewrite-column-type and breaking-narrow-type say so").isEmpty();
    }

    private static List<String> rechecks(List<MigrationScript> applied, String sql) {
        return StaticCheck.asOneHistory(15).checkAfter(applied, List.of(new MigrationScript("V2__change.sql", sql)))
                .findings().stream().filter(finding -> finding.rule().equals("type-change-rechecks-constraints"))
                .map(Finding::message).toList();
    }

    @Test
    void informationRulesAdviseWithoutFailing() {
        assertThat(infos("CREATE UNIQUE INDEX CONCURRENTLY t_email ON t (email)")).contains("unique-may-fail");
        assertThat(infos("ALTER TABLE t ADD CONSTRAINT t_email UNIQUE (email)")).contains("unique-may-fail");
        assertThat(infos("CREATE TABLE n (id int); CREATE UNIQUE INDEX n_id ON n (id)")).isEmpty();
        assertThat(infos("ALTER TABLE t ADD COLUMN doc json")).contains("json-column");
        assertThat(infos("CREATE TABLE n (id bigint, doc json NOT NULL)")).containsExactly("json-column");
        assertThat(infos("CREATE TABLE n (id bigint, doc jsonb DEFAULT '{}'::json)")).isEmpty();
    }

    @Test
    void outsideATransactionAStatementARetryWouldRepeatShouldBeIdempotent() {
        String sql = "CREATE INDEX CONCURRENTLY t_a ON t (a);\nDROP INDEX CONCURRENTLY t_b;\n"
                + "CREATE INDEX CONCURRENTLY IF NOT EXISTS t_c ON t (c);\nDROP INDEX CONCURRENTLY IF EXISTS t_d;";
        assertThat(check(sql, 15).findings()).filteredOn(finding -> finding.rule().equals("not-idempotent"))
                .extracting(Finding::line).containsExactly(1, 2);
        CheckReport nonTransactional = new StaticCheck(15).check(List.of(new MigrationScript("V1__x.sql",
                "ALTER TABLE t ADD COLUMN a text, ADD COLUMN IF NOT EXISTS b text, DROP COLUMN c", false)));
        assertThat(nonTransactional.findings()).filteredOn(finding -> finding.rule().equals("not-idempotent"))
                .extracting(Finding::message).hasSize(2).anySatisfy(message -> assertThat(message)
                        .contains("ADD COLUMN IF NOT EXISTS")).anySatisfy(message -> assertThat(message)
                        .contains("DROP COLUMN IF EXISTS"));
        assertThat(infos("CREATE TABLE n (id bigint); ALTER TABLE t ADD COLUMN a text")).doesNotContain(
                "not-idempotent");
    }

    @Test
    void styleRulesRunOnlyWhenAskedFor() {
        String sql = "CREATE TABLE n (id serial PRIMARY KEY, code char(3), name varchar(80), at timestamp, "
                + "n integer, ok bigint GENERATED ALWAYS AS IDENTITY, note text, seen timestamptz)";
        CheckReport plain = check(sql, 15);
        CheckReport styled = new StaticCheck(15).withStyleRules(true).check(List.of(new MigrationScript("V1__x.sql",
                sql)));

        assertThat(plain.findings()).isEmpty();
        assertThat(styled.findings()).extracting(Finding::rule).containsExactlyInAnyOrder("prefer-bigint",
                "prefer-identity", "ban-char", "prefer-text", "prefer-timestamptz", "prefer-bigint");
        assertThat(styled.findings()).extracting(Finding::message).anySatisfy(message -> assertThat(message)
                .contains("n.name", "varchar(80)"));
        assertThat(new StaticCheck(15).withStyleRules(true).check(List.of(new MigrationScript("V2__x.sql",
                "ALTER TABLE t ALTER COLUMN at TYPE timestamptz, ADD COLUMN id bigint GENERATED BY DEFAULT AS "
                        + "IDENTITY"))).findings()).extracting(Finding::rule).doesNotContain("prefer-timestamptz",
                                "prefer-bigint", "prefer-identity");
    }

    @Test
    void aNameOver63BytesIsReportedWithWhatPostgresKeeps() {
        String name = "ä".repeat(32);
        assertThat(check("CREATE TABLE \"" + name + "\" (id bigint)", 15).findings()).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.rule()).isEqualTo("identifier-too-long");
                    assertThat(finding.message()).contains("64 bytes", "keeps " + "ä".repeat(31) + ".");
                });
    }

    @Test
    void aGeneratedColumnIsVirtualFromPostgres18UnlessStored() {
        String virtualByDefault = "ALTER TABLE t ADD COLUMN total int GENERATED ALWAYS AS (a + b)";
        assertThat(rules(virtualByDefault, 18)).isEmpty();
        assertThat(rules("ALTER TABLE t ADD COLUMN total int GENERATED ALWAYS AS (a + b) VIRTUAL", 18)).isEmpty();
        assertThat(rules(virtualByDefault + " STORED", 18)).containsExactly("rewrite-column-default");
        assertThat(rules(virtualByDefault, 17)).containsExactly("rewrite-column-default");
    }

    @Test
    void reindexConcurrentlyFailsBeforePostgres12() {
        assertThat(rules("REINDEX TABLE CONCURRENTLY t", 11)).containsExactly("table-lock-maintenance");
    }

    @Test
    void severalActionsOfOneAlterTableAreEachReported() {
        assertThat(rules("ALTER TABLE t ADD COLUMN a int NOT NULL, ALTER COLUMN b TYPE bigint, DROP COLUMN c", 15))
                .containsExactlyInAnyOrder("breaking-not-null-without-default", "rewrite-column-type",
                        "breaking-drop-column");
    }

    @Test
    void lockTimeoutMissingIsInformationOncePerMigration() {
        CheckReport report = check("ALTER TABLE t ADD COLUMN a int;\nALTER TABLE t ADD COLUMN b int;", 15);
        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("lock-timeout-missing");
            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.line()).isEqualTo(1);
        });
        assertThat(check("SET lock_timeout = '5s';\nALTER TABLE t ADD COLUMN a int;", 15).findings()).isEmpty();
        assertThat(check("SELECT set_config('lock_timeout', '5s', false); ALTER TABLE t ADD a int", 15).findings())
                .isEmpty();
        assertThat(check("CREATE TABLE n (id int); ALTER TABLE n ADD COLUMN a int", 15).findings()).isEmpty();
    }

    @Test
    void aMigrationSetReadAsOneHistoryKnowsWhatEarlierFilesCreatedAndTyped() {
        CheckReport report = StaticCheck.asOneHistory(15).check(List.of(
                new MigrationScript("V1__orders.sql", "CREATE TABLE orders (id bigint); CREATE INDEX o_id ON orders (id);"),
                new MigrationScript("V2__more.sql", "ALTER TABLE orders ADD COLUMN note text NOT NULL; DROP INDEX o_id;"),
                new MigrationScript("V3__existing.sql", "ALTER TABLE customers ADD COLUMN code varchar(5);"),
                new MigrationScript("V4__widen.sql", "SET lock_timeout = '5s';\n"
                        + "ALTER TABLE customers ALTER COLUMN code TYPE varchar(10);")));

        assertThat(report.findings()).extracting(Finding::rule).containsExactly("lock-timeout-missing");
        assertThat(report.findings().get(0).file()).isEqualTo("V3__existing.sql");
    }

    @Test
    void transactionControlIsReportedOnlyForMigrationsRunInATransaction() {
        String sql = "CREATE TABLE a (id int);\nCOMMIT;\nCREATE TABLE b (id int);";
        CheckReport transactional = new StaticCheck(15).check(List.of(new MigrationScript("V1__x.sql", sql)));
        assertThat(transactional.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("transaction-control");
            assertThat(finding.line()).isEqualTo(3);
            assertThat(finding.message()).contains("line 2");
        });
        assertThat(warnings(new StaticCheck(15).check(List.of(new MigrationScript("V1__x.sql", sql, false)))))
                .isEmpty();
    }

    @Test
    void findingsCarryFileLineStatementMessageAndFix() {
        CheckReport report = check("SET lock_timeout = '5s';\n\n-- the index\nCREATE INDEX orders_day\n"
                + "    ON orders (day);", 15);
        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("index-not-concurrent");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.file()).isEqualTo("V1__x.sql");
            assertThat(finding.line()).isEqualTo(4);
            assertThat(finding.statement()).isEqualTo("CREATE INDEX orders_day ON orders (day)");
            assertThat(finding.message()).contains("orders_day", "SHARE", "orders");
            assertThat(finding.fix()).contains("CONCURRENTLY");
        });
        assertThat(report.failsAt(Severity.ERROR)).isTrue();
    }

    @Test
    void aScriptItCannotReadIsAnErrorAtItsLineNeverAnEmptyPass() {
        CheckReport unclosed = check("SET lock_timeout = '1s';\nCREATE FUNCTION f() RETURNS int AS $body$\n"
                + "SELECT 1; $bdy$ LANGUAGE sql;\nCREATE INDEX orders_day ON orders (day);", 15);
        CheckReport onlyAnOpenComment = check("/* the whole file is a comment that never ends\n"
                + "CREATE INDEX orders_day ON orders (day);", 15);

        assertThat(unclosed.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("unreadable-sql");
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.line()).isEqualTo(2);
            assertThat(finding.message()).contains("dollar quote", "$body$", "line 2");
        });
        assertThat(onlyAnOpenComment.findings()).extracting(Finding::rule, Finding::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("unreadable-sql", 1));
        assertThat(onlyAnOpenComment.failsAt(Severity.ERROR)).isTrue();
    }

    @Test
    void eachMigrationIsReadOnItsOwn() {
        CheckReport report = new StaticCheck(15).check(List.of(
                new MigrationScript("V1__create.sql", "CREATE TABLE n (id int)"),
                new MigrationScript("V2__index.sql", "SET lock_timeout = '1s'; CREATE INDEX n_id ON n (id)")));
        assertThat(report.findings()).extracting(Finding::file, Finding::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("V2__index.sql", "index-not-concurrent"));
    }

    @Test
    void inOneRunATableAnEarlierPendingMigrationCreatedIsStillNew() {
        List<MigrationScript> scripts = List.of(new MigrationScript("V1__create.sql", "CREATE TABLE n (id int)"),
                new MigrationScript("V2__index.sql", "CREATE INDEX n_id ON n (id); DROP INDEX n_id"));
        assertThat(StaticCheck.asOneHistory(15).check(scripts).findings()).isEmpty();
    }

    static CheckReport check(String sql, int pgVersion) {
        return new StaticCheck(pgVersion).check(List.of(new MigrationScript("V1__x.sql", sql)));
    }

    private static List<String> rules(String sql, int pgVersion) {
        return warnings(check(sql, pgVersion));
    }

    private static List<String> warnings(CheckReport report) {
        return report.findings().stream()
                .filter(finding -> finding.severity().atLeast(Severity.WARNING)).map(Finding::rule).toList();
    }

    /** The information findings, but the lock timeout's. */
    private static List<String> infos(String sql) {
        return check(sql, 15).findings().stream().filter(finding -> finding.severity() == Severity.INFO)
                .map(Finding::rule).filter(rule -> !rule.equals("lock-timeout-missing")).toList();
    }

    private static Arguments unsafe(String rule, String sql) {
        return Arguments.of(List.of(rule), sql);
    }

    private static Arguments safe(String sql) {
        return Arguments.of(List.of(), sql);
    }
}
