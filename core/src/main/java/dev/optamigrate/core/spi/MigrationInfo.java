package dev.optamigrate.core.spi;

import java.time.Instant;

/**
 * One migration as a tool reports it.
 *
 * @param version     the tool's version or id of the migration ({@code null} for repeatable ones)
 * @param description a human description
 * @param script      the file or changeset id it comes from
 * @param state       where it stands
 * @param installedOn when it was applied, or {@code null}
 */
public record MigrationInfo(String version, String description, String script, MigrationState state,
        Instant installedOn) {

    /** How a rehearsal matches it with a pending migration: its version, or its script without one. */
    public String key() {
        return version != null ? version : script;
    }
}
