package dev.optamigrate.core.release;

/**
 * A contract the gate judged not ready.
 *
 * @param migration  the migration file or changeset
 * @param object     what it removes or renames
 * @param line       the line of the statement that does it
 * @param statement  that statement, on one line
 * @param reason     why it is not ready, naming the retirement and the releases
 * @param acceptance the reason of the migration's {@code -- opta-migrate:allow contract-not-ready} comment, or
 *                   {@code null} when none accepts it
 */
public record Contract(String migration, String object, int line, String statement, String reason,
        String acceptance) {
}
