package dev.optamigrate.core.fleet;

import dev.optamigrate.core.journal.JournalEntry;
import java.util.Optional;

/**
 * One member's state for {@code fleet status}.
 *
 * @param name    the member's name in the list
 * @param version its current version, or {@code null} before its first migration
 * @param pending how many migrations it has not applied
 * @param failed  how many migrations its tool records as failed
 * @param lastRun its journal's last row, if any run was journaled
 * @param error   why its state could not be read (an unreachable database), or {@code null}
 */
public record TargetStatus(String name, String version, int pending, int failed, Optional<JournalEntry> lastRun,
        String error) {

    /** Whether it is behind: pending or failed migrations, or a state that could not be read. */
    public boolean behind() {
        return error != null || pending > 0 || failed > 0;
    }

    /** Why it is behind, for people; empty when it is not. */
    public String reason() {
        if (error != null) {
            return "cannot read it: " + error;
        }
        if (!behind()) {
            return "";
        }
        String counts = (pending > 0 ? pending + " pending" : "") + (pending > 0 && failed > 0 ? ", " : "")
                + (failed > 0 ? failed + " failed" : "");
        return counts + lastRun.map(run -> "SUCCEEDED".equals(run.status()) ? "" : "; its last run "
                + (run.fleet() != null ? "(" + run.fleet() + ") " : "") + run.status()
                + (run.error() != null ? ": " + run.error() : "")).orElse("; never migrated by opta-migrate");
    }
}
