package dev.optamigrate.core.tool;

import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.MigrationTool;
import dev.optamigrate.core.spi.MigrationToolProvider;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The migration tools that ServiceLoader found, looked up by name. */
public final class MigrationTools {
    private final List<MigrationToolProvider> providers;

    public MigrationTools(List<MigrationToolProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    public static MigrationTools discover(ClassLoader loader) {
        return new MigrationTools(ServiceLoader.load(MigrationToolProvider.class, loader).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    public List<MigrationToolProvider> providers() {
        return providers;
    }

    /**
     * @throws MigrateException {@link ErrorCode#CONFIGURATION} listing the known tools when none has this name
     */
    public MigrationTool byName(String name) {
        Optional<MigrationToolProvider> provider = providers.stream().filter(p -> p.name().equals(name)).findFirst();
        if (provider.isEmpty()) {
            throw new MigrateException(ErrorCode.CONFIGURATION, "Unknown tool '" + name + "'.",
                    "Known tools: " + names() + ".", null);
        }
        if (!provider.get().isAvailable()) {
            throw new MigrateException(ErrorCode.CONFIGURATION, "Tool '" + name + "' is registered but its classes "
                    + "are not on the classpath.", "Add the tool's own library next to opta-migrate.", null);
        }
        return provider.get().create();
    }

    private String names() {
        return providers.stream().map(MigrationToolProvider::name).sorted().collect(Collectors.joining(", "));
    }
}
