package dev.optamigrate.reliability;

/**
 * One migration of the suite's set.
 *
 * @param number        its number, also its version or id in every tool
 * @param name          a short name for file names and output
 * @param statements    its SQL; a transactional step also writes its number into {@code reliability.audit}
 * @param rerunnable    the same change written so that running it twice is harmless (for MyBatis' auto-commit)
 * @param transactional whether it can run in a transaction ({@code CREATE INDEX CONCURRENTLY} cannot)
 * @param effect        a query that answers {@code true} once the change is in the catalog
 */
record Step(int number, String name, String statements, String rerunnable, boolean transactional, String effect) {
    static final String AUDIT = "reliability.audit";

    /** A step that can run in a transaction, and writes its own audit row there. */
    static Step transactional(int number, String name, String statements, String rerunnable, String effect) {
        String audit = "INSERT INTO " + AUDIT + " (step) VALUES (" + number + ");\n";
        String rerunnableAudit = "INSERT INTO " + AUDIT + " (step) SELECT " + number + " WHERE NOT EXISTS (SELECT 1 "
                + "FROM " + AUDIT + " WHERE step = " + number + ");\n";
        return new Step(number, name, statements + audit, rerunnable + rerunnableAudit, true, effect);
    }

    /** A {@code CREATE INDEX CONCURRENTLY IF NOT EXISTS}: rerunnable as it is, and never in a transaction. */
    static Step concurrentIndex(int number, String index, String on) {
        String sql = "CREATE INDEX CONCURRENTLY IF NOT EXISTS " + index + " ON " + on + ";\n";
        return new Step(number, index, sql, sql, false, "SELECT EXISTS (SELECT 1 FROM pg_index i JOIN pg_class c ON "
                + "c.oid = i.indexrelid WHERE c.relname = '" + index + "' AND i.indisvalid)");
    }
}
