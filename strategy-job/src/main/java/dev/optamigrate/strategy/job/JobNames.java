package dev.optamigrate.strategy.job;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Names for migration Jobs: {@code <service>-migrate-<8 random characters>}, valid DNS-1123 labels of at most 63
 * characters, so that every run gets a name of its own.
 */
public final class JobNames {
    static final int MAX_LENGTH = 63;
    private static final String SUFFIX = "-migrate-";
    private static final int ID_LENGTH = 8;
    /** What Argo CD appends to a hook's generateName: {@code <revision:7>-presync-<unix seconds:10>}. */
    private static final int ARGO_CD_POSTFIX = 7 + "-presync-".length() + 10;
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private JobNames() {
    }

    /** A new name for a run of the service's migration. */
    public static String next(String service) {
        StringBuilder id = new StringBuilder(ID_LENGTH);
        for (int i = 0; i < ID_LENGTH; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return prefix(service) + id;
    }

    /** {@code <service>-migrate-}, the service part made DNS-safe and short enough for the whole name. */
    public static String prefix(String service) {
        return prefix(service, ID_LENGTH);
    }

    /**
     * The prefix for an Argo CD hook's {@code generateName}: Argo CD names the hook itself, appending
     * {@code <revision:7>-presync-<unix seconds>}, so the prefix leaves room for that.
     */
    public static String argoCdPrefix(String service) {
        return prefix(service, ARGO_CD_POSTFIX);
    }

    private static String prefix(String service, int appended) {
        String safe = service.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("^-+", "");
        int room = MAX_LENGTH - SUFFIX.length() - appended;
        if (safe.length() > room) {
            safe = safe.substring(0, room);
        }
        safe = safe.replaceAll("-+$", "");
        return (safe.isEmpty() ? "service" : safe) + SUFFIX;
    }
}
