package dev.optamigrate.core.spi;

/**
 * ServiceLoader entry for one execution strategy. Register an implementation in
 * {@code META-INF/services/dev.optamigrate.core.spi.ExecutionStrategyProvider}. Discovery only makes the name
 * available: a strategy runs only when it is chosen by name.
 */
public interface ExecutionStrategyProvider {

    /** The name users choose the strategy by, for example {@code startup}. */
    String name();

    /** One line that says where and how the strategy runs the migration. */
    String description();

    ExecutionStrategy create();

    /**
     * Whether the engine runs in this process and so needs the target here. A strategy that runs it elsewhere (a
     * Job, a pod) returns false: the command line then neither resolves a target nor detects the tool, since the
     * database and the migrations are where the command runs.
     */
    default boolean runsHere() {
        return true;
    }
}
