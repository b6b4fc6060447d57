package dev.optamigrate.core.spi;

/** Decides where and how a migration runs: in this process, in a running pod, in a new Job, from outside. */
public interface ExecutionStrategy {

    /**
     * Runs the request to its end.
     *
     * @throws dev.optamigrate.core.error.MigrateException when the run fails, with the code that says why
     */
    ExecutionReport execute(MigrationRequest request);
}
