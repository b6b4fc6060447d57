package dev.optamigrate.core.lock;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Checks, every {@link #EVERY} while a run changes the schema, that the run still holds the migration lock. It asks
 * on the lock's own connection, so it needs nothing from the tool's. The lock is lost when its session ends (a
 * proxy's idle timeout, a failover, an operator's {@code pg_terminate_backend}) or stops answering within
 * {@link #ANSWER_WITHIN} (a network cut). The fence then trips, once: its action ends the tool's sessions, so that
 * the run starts nothing more, and a statement of this run runs beside a second run that took the lock for no
 * longer than the fence's bound. On the server's side, the lock's session ends once it has been silent for
 * {@link #SERVER_FREES_AFTER}, so a run that is gone or cut off holds the lock no longer than that.
 */
public final class LockFence implements AutoCloseable {
    /** How often the fence asks. A lost lock is noticed within this plus {@link #ANSWER_WITHIN}. */
    public static final Duration EVERY = Duration.ofSeconds(1);
    /** How long the lock's connection may take to answer before the lock counts as lost. */
    public static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);
    /**
     * How long the lock's session may stay silent before the server ends it, and frees the lock: what bounds the
     * lock's life on the server's side when this run is gone or cut off.
     */
    public static final Duration SERVER_FREES_AFTER = Duration.ofSeconds(10);
    private static final String LOST = "the migration lock's session ended or stopped answering";

    private final MigrationLock lock;
    private final Consumer<String> onLost;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "opta-migrate-lock-fence");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<String> lost = new AtomicReference<>();

    private LockFence(MigrationLock lock, Consumer<String> onLost) {
        this.lock = lock;
        this.onLost = onLost;
    }

    /**
     * Starts checking a lock the run holds.
     *
     * @param every  how often to ask, {@link #EVERY} outside tests
     * @param onLost what to do when the lock is lost, given why; called once, on the fence's thread
     */
    public static LockFence start(MigrationLock lock, Duration every, Consumer<String> onLost) {
        LockFence fence = new LockFence(lock, onLost);
        lock.endSessionWhenSilentFor(SERVER_FREES_AFTER);
        fence.timer.scheduleWithFixedDelay(fence::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return fence;
    }

    /** Checks at once, on the caller's thread, after the fence has stopped: the last word before success. */
    public Optional<String> finalCheck() {
        close();
        if (lost.get() == null && !lock.stillHeld(Runnable::run, ANSWER_WITHIN)) {
            lost.compareAndSet(null, LOST);
        }
        return lost();
    }

    /** Why the lock was lost, if it was. */
    public Optional<String> lost() {
        return Optional.ofNullable(lost.get());
    }

    private void check() {
        if (lost.get() == null && !lock.stillHeld(timer, ANSWER_WITHIN) && lost.compareAndSet(null, LOST)) {
            onLost.accept(LOST);
        }
    }

    /** Stops checking, and waits for a check under way, so that the lock's connection is free again. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(ANSWER_WITHIN.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
