package dev.optamigrate.core.error;

/**
 * The one exception opta-migrate throws for anything a user can act on. It carries an {@link ErrorCode}
 * (and so an exit code) and an optional hint that replaces the code's generic one.
 * Messages never contain a password.
 */
public class MigrateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String hint;
    private final int exitCode;

    public MigrateException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public MigrateException(ErrorCode code, String message, Throwable cause) {
        this(code, message, null, cause);
    }

    public MigrateException(ErrorCode code, String message, String hint, Throwable cause) {
        this(code, code.exitCode(), message, hint, cause);
    }

    private MigrateException(ErrorCode code, int exitCode, String message, String hint, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.hint = hint;
        this.exitCode = exitCode;
    }

    /**
     * A command that ran elsewhere (in a Job or a pod) failed: the process exits with that command's own code, so
     * that scripts see the same codes as when it runs here.
     */
    public static MigrateException remoteFailure(int remoteExitCode, String message, String hint) {
        int exitCode = remoteExitCode > 0 && remoteExitCode < 256 ? remoteExitCode
                : CoreErrorCode.REMOTE_FAILED.exitCode();
        return new MigrateException(CoreErrorCode.REMOTE_FAILED, exitCode, message, hint, null);
    }

    /** The process exit code: the code's own, or the remote command's for {@link #remoteFailure}. */
    public int exitCode() {
        return exitCode;
    }

    public ErrorCode code() {
        return code;
    }

    /** What to do next: the specific hint when one was given, else the code's generic one. */
    public String hint() {
        return hint != null ? hint : code.hint();
    }
}
