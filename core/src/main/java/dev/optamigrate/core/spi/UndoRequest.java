package dev.optamigrate.core.spi;

/**
 * How far to revert: a number of migrations, or back to a tag (for tools that tag, such as Liquibase).
 *
 * @param steps how many applied migrations to revert, newest first; used when {@code tag} is {@code null}
 * @param tag   revert everything applied after this tag, or {@code null}
 */
public record UndoRequest(int steps, String tag) {

    public static UndoRequest steps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, was " + steps);
        }
        return new UndoRequest(steps, null);
    }

    public static UndoRequest toTag(String tag) {
        return new UndoRequest(0, tag);
    }
}
