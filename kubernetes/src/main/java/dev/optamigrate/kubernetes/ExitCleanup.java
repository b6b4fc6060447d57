package dev.optamigrate.kubernetes;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A clean-up that runs exactly once: when it is closed, or when the JVM exits before that (Ctrl-C, SIGTERM),
 * so that what a run leaves in the cluster (a Lease, a tunnel pod) goes away on every way out.
 */
public final class ExitCleanup implements AutoCloseable {
    private final Runnable cleanup;
    private final Thread hook;
    private final AtomicBoolean done = new AtomicBoolean();

    /** @param name names the shutdown hook's thread, for thread dumps */
    public ExitCleanup(String name, Runnable cleanup) {
        this.cleanup = cleanup;
        this.hook = new Thread(this::runOnce, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // the hook runs (or ran) the clean-up itself
        }
        runOnce();
    }

    private void runOnce() {
        if (done.compareAndSet(false, true)) {
            cleanup.run();
        }
    }
}
