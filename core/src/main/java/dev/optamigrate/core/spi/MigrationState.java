package dev.optamigrate.core.spi;

/** Where one migration stands, in the same words for every tool. */
public enum MigrationState {
    APPLIED,
    PENDING,
    FAILED,
    /** Applied to the database, but no longer present in the source. */
    MISSING,
    /** Present in the source with a version older than the current one, and not applied. */
    IGNORED
}
