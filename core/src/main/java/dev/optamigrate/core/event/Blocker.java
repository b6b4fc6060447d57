package dev.optamigrate.core.event;

/**
 * A session that holds a lock a migration statement waits for, as {@code pg_stat_activity} shows it.
 *
 * @param pid              the blocking backend's process id
 * @param user             its database user
 * @param application      its {@code application_name}, often the service that opened it
 * @param clientAddress    its client's address, or {@code null} for a local socket
 * @param state            {@code active}, {@code idle in transaction}, ...
 * @param transactionAgeMs how long its transaction has been open, in milliseconds; 0 outside a transaction
 * @param stateAgeMs       how long it has been in its state, in milliseconds (for an idle session: idle for)
 * @param query            the first characters of its current or last query, or {@code null} when query text is
 *                         not reported ({@code report-queries: false})
 */
public record Blocker(int pid, String user, String application, String clientAddress, String state,
        long transactionAgeMs, long stateAgeMs, String query) {

    /** One line for people: pid, user, application, state and age, then the query when reported. */
    public String describe() {
        if (state == null) {
            return "pid " + pid + " (another user's session, whose details this database user may not see: that "
                    + "needs pg_read_all_stats)";
        }
        return "pid " + pid + " (user " + user + ", application '" + application + "'"
                + (clientAddress == null ? "" : ", from " + clientAddress) + ", " + state + ", transaction open "
                + (transactionAgeMs / 1000) + " s)" + (query == null ? "" : ": " + query);
    }
}
