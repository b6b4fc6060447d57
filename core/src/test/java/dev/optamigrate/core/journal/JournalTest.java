package dev.optamigrate.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.testing.PostgresExtension;
import dev.optamigrate.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JournalTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final JournalEntry.Start START = new JournalEntry.Start("migrate", "flyway", "local",
            "db/migration", null, null, "host", 1, "tester", null, null);

    @Test
    void aJournalFromBeforeTheLockGuardGetsItsAttemptsColumn(TestDatabase db) throws Exception {
        try (Connection connection = db.connect()) {
            Journal.open(connection, JournalScope.DATABASE);
        }
        db.execute("ALTER TABLE opta_migrate.opta_migrate_journal DROP COLUMN attempts");

        try (Connection connection = db.connect()) {
            Journal journal = Journal.open(connection, JournalScope.DATABASE);
            long id = journal.start(START);
            journal.attempts(id, "[{\"attempt\": 1}]");
            journal.succeeded(id, "1", 1);

            assertThat(journal.entries()).singleElement().satisfies(entry -> assertThat(entry.attempts())
                    .contains("\"attempt\": 1"));
        }
    }

    /** A user who may write the journal but does not own it (README's "an existing table it may write"). */
    @Test
    void aUserWhoMayOnlyWriteAnExistingJournalOpensIt(TestDatabase db) throws Exception {
        try (Connection connection = db.connect()) {
            Journal.open(connection, JournalScope.DATABASE);
        }
        db.execute("CREATE ROLE journal_writer LOGIN PASSWORD 'writer-secret'; GRANT CREATE ON DATABASE \""
                + db.name() + "\" TO journal_writer; GRANT USAGE, CREATE ON SCHEMA opta_migrate TO journal_writer; "
                + "GRANT SELECT, INSERT, UPDATE ON opta_migrate.opta_migrate_journal TO journal_writer; "
                + "GRANT USAGE ON ALL SEQUENCES IN SCHEMA opta_migrate TO journal_writer");

        try (Connection writer = DriverManager.getConnection(db.target().jdbcUrl(), "journal_writer",
                "writer-secret")) {
            assertThat(writer.getMetaData().getUserName()).isEqualTo("journal_writer");
            Journal journal = Journal.open(writer, JournalScope.DATABASE);
            journal.succeeded(journal.start(START), "1", 1);

            assertThat(journal.entries()).extracting(JournalEntry::status).isEqualTo(List.of("SUCCEEDED"));
        }
    }
}
