package dev.optamigrate.core.journal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * One journal row.
 *
 * @param action {@code migrate} or {@code undo}
 * @param status   {@code RUNNING}, {@code SUCCEEDED}, {@code FAILED}, {@code ABANDONED}, {@code INTERRUPTED} or
 *                 {@code REFUSED}
 * @param attempts the lock guard's attempts that gave up waiting for a lock, as a JSON array, or {@code null}
 * @param standby  the person who watched the run, or {@code null}
 * @param overrides what the run's checks let through and why, as a JSON array, or {@code null}
 * @param fleet    the fleet run this run was part of, or {@code null}
 */
public record JournalEntry(long id, String action, String tool, String strategy, String location, String release,
        String fromVersion, String toVersion, int applied, String status, String host, long pid, String operator,
        String standby, Instant startedAt, Instant finishedAt, String error, String attempts, String overrides,
        String fleet) {
    /** The columns {@link #from(ResultSet)} reads. */
    static final String COLUMNS = "id, action, tool, strategy, location, release, from_version, to_version, applied, "
            + "status, host, pid, operator, standby, started_at, finished_at, error, attempts, overrides, fleet";

    /**
     * What a run records when it starts.
     *
     * @param fleet the fleet run it is part of, or {@code null}
     */
    public record Start(String action, String tool, String strategy, String location, String release, String fromVersion,
            String host, long pid, String operator, String standby, String fleet) {
    }

    static JournalEntry from(ResultSet row) throws SQLException {
        return new JournalEntry(row.getLong("id"), row.getString("action"), row.getString("tool"), row.getString("strategy"),
                row.getString("location"), row.getString("release"), row.getString("from_version"),
                row.getString("to_version"), row.getInt("applied"), row.getString("status"), row.getString("host"),
                row.getLong("pid"), row.getString("operator"), row.getString("standby"),
                instant(row.getTimestamp("started_at")),
                instant(row.getTimestamp("finished_at")), row.getString("error"), row.getString("attempts"),
                row.getString("overrides"), row.getString("fleet"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
