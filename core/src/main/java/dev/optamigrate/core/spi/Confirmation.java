package dev.optamigrate.core.spi;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;

/**
 * How a strategy gets a person's go-ahead before it runs something that cannot be taken back: it shows what is
 * about to run against what, and returns only once the run may go on.
 */
public interface Confirmation {
    /** Refuses every run: the default for library use, where nobody can be asked. */
    Confirmation REFUSE = new Confirmation() {
        @Override
        public void confirm(String summary) {
            throw refused("Nobody can be asked to confirm: " + summary, "Give the migrator a Confirmation "
                    + "(MigratorConfiguration.confirmation) that can ask, or that confirms what you have read.");
        }

        @Override
        public void requireUpFront(String summary) {
            confirm(summary);
        }
    };

    /**
     * Shows the summary and asks; returns when the answer is yes, or when yes was given up front.
     *
     * @throws MigrateException with {@link ErrorCode#NOT_CONFIRMED} otherwise
     */
    void confirm(String summary);

    /**
     * Shows the summary and returns only when yes was given up front (for example {@code --yes}); it never asks,
     * for targets where a reflex "y" at a prompt is not enough.
     *
     * @throws MigrateException with {@link ErrorCode#NOT_CONFIRMED} otherwise
     */
    void requireUpFront(String summary);

    /**
     * The refusal that {@link #confirm} and {@link #requireUpFront} throw.
     *
     * @param howToConfirm what the person should do, in the words of the place that asked (a flag, a setting)
     */
    static MigrateException refused(String why, String howToConfirm) {
        return new MigrateException(CoreErrorCode.NOT_CONFIRMED, why + " Nothing ran.", howToConfirm, null);
    }
}
