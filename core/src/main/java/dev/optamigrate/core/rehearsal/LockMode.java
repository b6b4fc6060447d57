package dev.optamigrate.core.rehearsal;

import java.util.Arrays;

/** PostgreSQL's table lock modes, weakest first, with what each one keeps waiting. */
public enum LockMode {
    ACCESS_SHARE("AccessShareLock", "only DDL"),
    ROW_SHARE("RowShareLock", "only DDL"),
    ROW_EXCLUSIVE("RowExclusiveLock", "only DDL"),
    SHARE_UPDATE_EXCLUSIVE("ShareUpdateExclusiveLock", "only DDL and VACUUM"),
    SHARE("ShareLock", "writes"),
    SHARE_ROW_EXCLUSIVE("ShareRowExclusiveLock", "writes"),
    EXCLUSIVE("ExclusiveLock", "writes"),
    ACCESS_EXCLUSIVE("AccessExclusiveLock", "reads and writes");

    private final String catalogName;
    private final String blocks;

    LockMode(String catalogName, String blocks) {
        this.catalogName = catalogName;
        this.blocks = blocks;
    }

    /** The mode as {@code pg_locks.mode} names it, e.g. {@code ShareLock}. */
    public static LockMode fromCatalog(String name) {
        return Arrays.stream(values()).filter(mode -> mode.catalogName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown lock mode " + name));
    }

    /** What other sessions must wait for while it is held: reads and writes, writes, or only DDL. */
    public String blocks() {
        return blocks;
    }

    /** Whether ordinary writes (INSERT, UPDATE, DELETE) wait for it. */
    public boolean blocksWrites() {
        return compareTo(SHARE) >= 0;
    }

    /** As the documentation writes it, e.g. {@code SHARE ROW EXCLUSIVE}. */
    public String label() {
        return name().replace('_', ' ');
    }
}
