package dev.optamigrate.reliability;

/** An invariant a run broke, with what was seen. */
record Violation(Kind kind, String detail) {
    enum Kind {
        /** The run after the kill did not complete on its own. */
        RERUN_FAILED,
        /** The migration lock was still held 2 s after the kill. */
        LOCK_NOT_FREED,
        /** A migration is recorded, or its audit row written, more than once. */
        APPLIED_TWICE,
        /** The tool's history records a migration whose change is not in the catalog. */
        RECORDED_WITHOUT_EFFECT,
        /** A change is in the catalog that the tool's history does not record (where the two commit together). */
        EFFECT_WITHOUT_RECORD,
        /** After the run that followed the kill, a migration is still not recorded. */
        NOT_APPLIED,
        /** An index the catalog marks invalid is left behind. */
        INVALID_INDEX,
        /** The journal has a row left {@code RUNNING} after the next run. */
        JOURNAL_RUNNING
    }
}
