package dev.optamigrate.core.error;

/** Looks through an exception's chain of causes, as every tool wraps the database's error its own way. */
public final class Causes {
    private Causes() {
    }

    /** The first exception of the given type in the chain, starting with {@code e} itself, or {@code null}. */
    public static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** The last exception in the chain: usually the database's or the network's own. */
    public static Throwable root(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
