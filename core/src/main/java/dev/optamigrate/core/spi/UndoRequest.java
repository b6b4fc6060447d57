package dev.optamigrate.core.spi;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;

/**
 * How far to revert: a number of migrations, every applied migration, or back to a tag (for tools that tag,
 * such as Liquibase).
 *
 * @param steps how many applied migrations to revert, newest first; used when {@code tag} is {@code null} and
 *              {@code all} is false
 * @param tag   revert everything applied after this tag, or {@code null}
 * @param all   revert every applied migration (for MyBatis including the script that creates its changelog)
 */
public record UndoRequest(int steps, String tag, boolean all) {

    public static UndoRequest steps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, was " + steps);
        }
        return new UndoRequest(steps, null, false);
    }

    public static UndoRequest toTag(String tag) {
        return new UndoRequest(0, tag, false);
    }

    public static UndoRequest everything() {
        return new UndoRequest(0, null, true);
    }

    /**
     * This request for a schema with {@code applied} migrations: "every" becomes that many steps, and more steps
     * than are applied is refused, so that nobody reverts the whole schema by overshooting a count.
     *
     * @throws MigrateException {@link ErrorCode#CONFIGURATION} when there is nothing, or not enough, to revert
     */
    public UndoRequest against(int applied) {
        if (tag != null) {
            return this;
        }
        if (applied == 0) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Nothing to revert: no migration is applied. "
                    + "Nothing was changed.", "`status` shows what is applied.", null);
        }
        if (all) {
            return steps(applied);
        }
        if (steps > applied) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Asked to revert " + steps + " migrations, but "
                    + "only " + applied + " are applied. Nothing was changed.", "Ask for " + applied + " steps or "
                    + "fewer; to revert every applied migration on purpose, ask for all of them (on the command line: "
                    + "--steps " + applied + ", or --all).", null);
        }
        return this;
    }
}
