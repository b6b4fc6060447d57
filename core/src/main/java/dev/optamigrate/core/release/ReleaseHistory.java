package dev.optamigrate.core.release;

import dev.optamigrate.core.analysis.MigrationPhase;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.journal.Journal;
import dev.optamigrate.core.journal.JournalEntry;
import dev.optamigrate.core.journal.JournalScope;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the journal knows about releases: every run, with its release and outcome, and every retirement.
 *
 * @param runs        the journal's rows, oldest first
 * @param retirements the retirements, oldest first
 */
public record ReleaseHistory(List<JournalEntry> runs, List<Retirement> retirements) {
    /** The outcomes that leave the servers' release in doubt: a run that did not finish, or failed. */
    private static final Set<String> FAILED = Set.of("FAILED", "ABANDONED", "INTERRUPTED");

    public ReleaseHistory {
        runs = List.copyOf(runs);
        retirements = List.copyOf(retirements);
    }

    /**
     * Reads the scope's journal rows and retirements; both are empty where their tables do not exist yet. Reads
     * only.
     */
    public static ReleaseHistory read(Connection connection, JournalScope scope) {
        try {
            return new ReleaseHistory(Journal.read(connection, scope), Retirements.all(connection, scope));
        } catch (SQLException e) {
            throw new MigrateException(CoreErrorCode.MIGRATION_FAILED, "Cannot read the journal's releases and "
                    + "retirements: " + e.getMessage(), "The migration user needs SELECT on " + Journal.TABLE
                            + " and " + Retirements.TABLE + ".", e);
        }
    }

    /** The first run that recorded the release, if any did. */
    Optional<JournalEntry> firstSeen(String release) {
        return runs.stream().filter(run -> release.equals(run.release())).findFirst();
    }

    /** The runs after {@code journalId} that failed, did not finish, or rolled migrations back. */
    List<JournalEntry> failedAfter(long journalId) {
        return runs.stream().filter(run -> run.id() > journalId && (FAILED.contains(run.status())
                || "undo".equals(run.action()) && "SUCCEEDED".equals(run.status()))).toList();
    }

    /** The retirements of the object, or of its table, oldest first. */
    List<Retirement> covering(String object) {
        return retirements.stream().filter(retirement -> MigrationPhase.covers(retirement.object(), object)).toList();
    }

    /** The retirements that no contract has followed yet. */
    public List<Retirement> notContracted() {
        return retirements.stream().filter(retirement -> retirement.contractedBy() == null).toList();
    }
}
