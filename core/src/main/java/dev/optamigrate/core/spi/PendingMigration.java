package dev.optamigrate.core.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A migration that has not run yet, with the SQL it would execute (for dry runs and analysis).
 *
 * @param version       its version or id
 * @param description   a human description
 * @param script        the file or changeset id it comes from
 * @param sql           the SQL text, as the tool would send it
 * @param transactional whether the tool runs it in one transaction (so a failure rolls all of it back); false
 *                      for Flyway's {@code executeInTransaction=false}, Liquibase's {@code runInTransaction:false}
 *                      and MyBatis' {@code auto_commit=true}
 * @param checksum      the migration's checksum as the tool records it (Flyway's CRC32, Liquibase's checksum), or
 *                      for a tool that records none the SHA-256 of its SQL: the promotion gate compares it with
 *                      what an earlier environment applied
 */
public record PendingMigration(String version, String description, String script, String sql,
        boolean transactional, String checksum) {

    /** A migration whose tool records no checksum: its checksum is the SHA-256 of its SQL. */
    public PendingMigration(String version, String description, String script, String sql, boolean transactional) {
        this(version, description, script, sql, transactional, sha256(sql));
    }

    /** A migration the tool runs in a transaction. */
    public PendingMigration(String version, String description, String script, String sql) {
        this(version, description, script, sql, true);
    }

    /** Its version, or its script without one: the same key as {@link MigrationInfo#key()}. */
    public String key() {
        return version != null ? version : script;
    }

    /**
     * Whether two names of a migration's file name the same file: tools (and {@code verify}) give a path under the
     * location or the file name alone.
     */
    public static boolean sameFile(String one, String other) {
        return one.equals(other) || one.endsWith("/" + other) || other.endsWith("/" + one);
    }

    private static String sha256(String text) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
