package dev.optamigrate.kubernetes;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.time.Duration;

/** The pause between two looks during a wait; an interrupt (Ctrl-C) ends the wait as {@code INTERRUPTED}. */
public final class Pause {
    private Pause() {
    }

    /**
     * @param during what the wait is for, in words that complete "Interrupted while ...", e.g. "waiting for the
     *               Job"
     */
    public static void of(Duration pause, String during) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new MigrateException(CoreErrorCode.INTERRUPTED, "Interrupted while " + during + ".", null,
                    interrupted);
        }
    }
}
