package dev.optamigrate.core.error;

import java.nio.file.AccessDeniedException;

/**
 * Turns an exception nobody translated into a {@link MigrateException}: a file the user may not read is the
 * user's to fix ({@link ErrorCode#CONFIGURATION}); anything else is a bug ({@link ErrorCode#INTERNAL}).
 */
public final class UnexpectedFailures {
    private UnexpectedFailures() {
    }

    public static MigrateException translate(Throwable e) {
        AccessDeniedException denied = Causes.find(e, AccessDeniedException.class);
        if (denied != null) {
            return new MigrateException(CoreErrorCode.CONFIGURATION, "Permission denied: " + denied.getFile()
                    + " cannot be read.", "Let the user that runs opta-migrate read it (and the directories above "
                            + "it), e.g. chmod -R a+rX on the migration location.", e);
        }
        return new MigrateException(CoreErrorCode.INTERNAL, "Unexpected failure: " + e, e);
    }
}
