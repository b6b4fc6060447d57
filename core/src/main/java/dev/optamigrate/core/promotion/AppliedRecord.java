package dev.optamigrate.core.promotion;

import dev.optamigrate.core.spi.PendingMigration;
import java.time.Duration;
import java.time.Instant;

/**
 * One migration an environment applied, as its journal records it.
 *
 * @param tool        the tool's name
 * @param version     its version or changeset id, or {@code null} for a repeatable migration
 * @param script      the file it comes from
 * @param checksum    its checksum as {@link PendingMigration#checksum()} gives it
 * @param release     the release the run recorded, or {@code null}
 * @param environment the environment the run recorded, or {@code null}
 * @param appliedAt   when it finished
 * @param duration    how long it took
 */
public record AppliedRecord(String tool, String version, String script, String checksum, String release,
        String environment, Instant appliedAt, Duration duration) {

    /** The same migration, whatever its content: same tool, version (or id) and file. */
    public boolean sameMigration(String otherTool, PendingMigration pending) {
        return tool.equals(otherTool) && script.equals(pending.script())
                && (version == null ? pending.version() == null : version.equals(pending.version()));
    }

    /** The same migration with the same content. */
    public boolean sameContent(String otherTool, PendingMigration pending) {
        return sameMigration(otherTool, pending) && checksum.equals(pending.checksum());
    }

    /** How people name the migration: its version (or id) and file. */
    public static String nameOf(PendingMigration pending) {
        return pending.version() == null ? pending.script() : pending.version() + " (" + pending.script() + ")";
    }
}
