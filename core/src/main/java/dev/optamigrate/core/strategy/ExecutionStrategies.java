package dev.optamigrate.core.strategy;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.ExecutionStrategyProvider;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The execution strategies that ServiceLoader found. Discovery only makes names available; a strategy runs
 * only when chosen by name.
 */
public final class ExecutionStrategies {
    private final List<ExecutionStrategyProvider> providers;

    public ExecutionStrategies(List<ExecutionStrategyProvider> providers) {
        this.providers = providers.stream().sorted(Comparator.comparing(ExecutionStrategyProvider::name)).toList();
    }

    public static ExecutionStrategies discover(ClassLoader loader) {
        return new ExecutionStrategies(ServiceLoader.load(ExecutionStrategyProvider.class, loader).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    /** Every provider found, sorted by name. */
    public List<ExecutionStrategyProvider> providers() {
        return providers;
    }

    /**
     * @throws MigrateException {@link ErrorCode#CONFIGURATION} listing the known names when none matches
     */
    public ExecutionStrategyProvider byName(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new MigrateException(CoreErrorCode.CONFIGURATION, "Unknown strategy '" + name + "'.",
                        "Known strategies: " + providers.stream().map(ExecutionStrategyProvider::name)
                                .collect(Collectors.joining(", ")) + " (see `opta-migrate strategies`).", null));
    }
}
