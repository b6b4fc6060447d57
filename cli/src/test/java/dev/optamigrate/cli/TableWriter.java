package dev.optamigrate.cli;

import dev.optamigrate.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A release's code writing to the database while migrations apply: one connection that runs the statement made
 * for each turn, in autocommit, until closed, and remembers every statement that failed.
 */
final class TableWriter implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger written = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Thread thread;

    /** @param statement the SQL for turn {@code i}, from 1 */
    TableWriter(TestDatabase db, String name, IntFunction<String> statement) {
        thread = new Thread(() -> {
            try (Connection connection = db.connect(); Statement sql = connection.createStatement()) {
                for (int turn = 1; running.get(); turn++) {
                    try {
                        sql.execute(statement.apply(turn));
                        written.incrementAndGet();
                    } catch (SQLException e) {
                        failures.add(name + " turn " + turn + ": " + e.getMessage());
                    }
                    Thread.sleep(20);
                }
            } catch (SQLException | InterruptedException e) {
                failures.add(name + ": " + e);
            }
        }, name);
        thread.start();
    }

    /** How many statements succeeded so far. */
    int written() {
        return written.get();
    }

    List<String> failures() {
        return failures;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(30_000);
    }
}
