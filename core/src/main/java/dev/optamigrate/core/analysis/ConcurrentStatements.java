package dev.optamigrate.core.analysis;

/** The rule every CONCURRENTLY statement shares: it fails inside an explicit transaction block. */
final class ConcurrentStatements {
    private ConcurrentStatements() {
    }

    static void check(ScriptState state, String what) {
        if (state.inTransaction()) {
            state.report(Rule.CONCURRENT_IN_TRANSACTION, what + " inside BEGIN ... COMMIT fails with \"cannot run "
                    + "inside a transaction block\", and the migration stops there.");
        }
    }
}
