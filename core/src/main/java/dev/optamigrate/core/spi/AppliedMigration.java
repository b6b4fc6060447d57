package dev.optamigrate.core.spi;

import java.time.Duration;

/**
 * A migration that this run applied (or reverted).
 *
 * @param version     its version or id
 * @param description a human description
 * @param script      the file or changeset id it comes from
 * @param duration    how long it took
 */
public record AppliedMigration(String version, String description, String script, Duration duration) {
}
