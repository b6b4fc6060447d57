package dev.optamigrate.core.analysis;

/**
 * A finding that a migration accepts on purpose with {@code -- opta-migrate:allow <rule> <reason>}; it is
 * reported, with the reason, and does not fail the check.
 *
 * @param finding what was found
 * @param reason  why the migration's author accepts it
 */
public record Suppression(Finding finding, String reason) {
}
