package dev.optamigrate.core.rehearsal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one statement on the shadow and observes it. A statement that may run in a transaction runs in one, and
 * {@code pg_locks} is read before it commits: every lock it took is still held then. A statement that must run
 * outside one ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, ...) runs on an executor, for a bounded time,
 * while a second session holds ACCESS SHARE on the existing tables in a REPEATABLE READ transaction, so that it
 * has to wait at its first conflicting lock or snapshot; the locks it holds or asks for are read from
 * {@code pg_locks} then.
 */
final class StatementProbe {
    private static final String ACTIVE_SQL_TRANSACTION = "25001";
    private static final long WAIT_LIMIT_NANOS = 10_000_000_000L;
    /** How long a statement that runs outside a transaction may take on the shadow. */
    private static final Duration RUN_LIMIT = Duration.ofMinutes(30);

    private final Connection work;
    private final Connection observer;

    StatementProbe(Connection work, Connection observer) {
        this.work = work;
        this.observer = observer;
    }

    /** Runs the statement; the observations cover the relations in {@code existing} only. */
    List<LockObservation> run(String sql, Set<Long> existing) throws SQLException {
        work.setAutoCommit(false);
        CatalogState before = CatalogState.read(work);
        try (Statement statement = work.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            work.rollback();
            work.setAutoCommit(true);
            if (ACTIVE_SQL_TRANSACTION.equals(e.getSQLState())) {
                return outsideTransaction(sql, existing);
            }
            throw e;
        }
        Map<Long, LockMode> locks = locksOf(work, backendPid(work));
        CatalogState after = CatalogState.read(work);
        work.commit();
        work.setAutoCommit(true);
        return observations(locks, before, after, existing);
    }

    private List<LockObservation> outsideTransaction(String sql, Set<Long> existing) throws SQLException {
        CatalogState before = CatalogState.read(work);
        int pid = backendPid(work);
        holdExistingTables(before, existing);
        Map<Long, LockMode> locks = new HashMap<>();
        ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "opta-migrate-verify-statement");
            thread.setDaemon(true);
            return thread;
        });
        try (Statement statement = work.createStatement()) {
            Future<Boolean> running = runner.submit(() -> statement.execute(sql));
            try {
                watch(pid, running, locks);
            } finally {
                observer.rollback();
            }
            awaitEnd(running, statement);
        } finally {
            runner.shutdownNow();
        }
        return observations(locks, before, CatalogState.read(work), existing);
    }

    /** Waits for the statement, at most {@link #RUN_LIMIT}; one that runs longer is cancelled on the shadow. */
    private static void awaitEnd(Future<Boolean> running, Statement statement) throws SQLException {
        try {
            running.get(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("the statement failed on the shadow: " + failed.getCause(), failed.getCause());
        } catch (TimeoutException tooLong) {
            statement.cancel();
            throw new SQLException("the statement did not finish on the shadow within " + RUN_LIMIT.toMinutes()
                    + " minutes and was cancelled", tooLong);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            statement.cancel();
            throw new SQLException("interrupted while the statement ran", interrupted);
        }
    }

    /** Collects the statement's relation locks until it waits for the observer, or ends. */
    private void watch(int pid, Future<Boolean> running, Map<Long, LockMode> locks) throws SQLException {
        long deadline = System.nanoTime() + WAIT_LIMIT_NANOS;
        try (PreparedStatement query = observer.prepareStatement("SELECT relation, mode, granted, locktype "
                + "FROM pg_locks WHERE pid = ?")) {
            query.setInt(1, pid);
            while (!running.isDone() && System.nanoTime() < deadline) {
                boolean waiting = false;
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        waiting |= !rows.getBoolean(3);
                        if ("relation".equals(rows.getString(4))) {
                            locks.merge(rows.getLong(1), LockMode.fromCatalog(rows.getString(2)), StatementProbe::max);
                        }
                    }
                }
                if (waiting) {
                    return;
                }
                pause();
            }
        }
    }

    private static void pause() throws SQLException {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while watching the statement", e);
        }
    }

    private void holdExistingTables(CatalogState state, Set<Long> existing) throws SQLException {
        observer.setAutoCommit(false);
        try (Statement statement = observer.createStatement()) {
            statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            statement.execute("SELECT 1");
            for (long oid : existing) {
                if (state.tables().contains(oid)) {
                    statement.execute("LOCK TABLE ONLY " + state.names().get(oid) + " IN ACCESS SHARE MODE");
                }
            }
        }
    }

    private static List<LockObservation> observations(Map<Long, LockMode> locks, CatalogState before,
            CatalogState after, Set<Long> existing) {
        List<LockObservation> observations = new ArrayList<>();
        for (Map.Entry<Long, LockMode> lock : locks.entrySet()) {
            long oid = lock.getKey();
            if (existing.contains(oid)) {
                observations.add(new LockObservation(before.names().get(oid), lock.getValue(),
                        before.rewritten(oid, after), before.scanned(oid, after), before.indexBuilt(oid, after),
                        Optional.empty()));
            }
        }
        observations.sort(Comparator.comparing(LockObservation::relation));
        return observations;
    }

    private static Map<Long, LockMode> locksOf(Connection connection, int pid) throws SQLException {
        Map<Long, LockMode> locks = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT relation, mode FROM pg_locks "
                + "WHERE pid = ? AND locktype = 'relation'")) {
            query.setInt(1, pid);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    locks.merge(rows.getLong(1), LockMode.fromCatalog(rows.getString(2)), StatementProbe::max);
                }
            }
        }
        return locks;
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
            result.next();
            return result.getInt(1);
        }
    }

    private static LockMode max(LockMode a, LockMode b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
