package dev.optamigrate.core.tool;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.spi.MigrationTool;
import dev.optamigrate.core.spi.MigrationToolProvider;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The migration tools that ServiceLoader found, looked up by name. Each tool ships in a module of its own
 * ({@code opta-migrate-tool-flyway}, {@code -liquibase}, {@code -mybatis}); asking for one whose module is absent
 * names the artifact to add.
 */
public final class MigrationTools {
    private static final String GROUP = "dev.optamigrate";
    /** The tools opta-migrate ships, each in a module of its own, by tool name. */
    private static final Map<String, String> MODULES = Map.of("flyway", "opta-migrate-tool-flyway",
            "liquibase", "opta-migrate-tool-liquibase", "mybatis", "opta-migrate-tool-mybatis");

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
        if (provider.isEmpty() && MODULES.containsKey(name)) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Tool '" + name + "' is not on the classpath: its "
                    + "module, " + GROUP + ":" + MODULES.get(name) + ", is missing.", "Add the dependency "
                    + GROUP + ":" + MODULES.get(name) + " (with the opta-migrate-bom import it needs no version)."
                    + (providers.isEmpty() ? "" : " Installed: " + names() + "."), null);
        }
        if (provider.isEmpty()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Unknown tool '" + name + "'.",
                    "Known tools: " + names() + ".", null);
        }
        if (!provider.get().isAvailable()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Tool '" + name + "' is registered but its classes "
                    + "are not on the classpath.", "Add the tool's own library next to opta-migrate.", null);
        }
        return provider.get().create();
    }

    /** For providers' {@code isAvailable()}: whether a class can be loaded by the provider's class loader. */
    public static boolean onClasspath(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * Chooses the tool whose files are at a location, for when none is named.
     *
     * @throws MigrateException {@link ErrorCode#CONFIGURATION} when no tool, or more than one, recognizes it
     */
    public Detection detect(String location) {
        if (location.startsWith("classpath:")) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Cannot tell the tool from a classpath location ("
                    + location + ").", "Name it: set " + CoreSetting.TOOL.names() + " to " + names().replace(", ",
                            " or ") + ".", null);
        }
        Path path = Path.of(location.startsWith("filesystem:") ? location.substring("filesystem:".length())
                : location).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Migration location '" + location
                    + "' does not exist.", "Point " + CoreSetting.LOCATION.names()
                            + " at the directory that holds the migrations.", null);
        }
        checkReadable(path, location);
        List<Detection> found = new ArrayList<>();
        for (MigrationToolProvider provider : providers) {
            provider.recognize(path).ifPresent(evidence -> found.add(new Detection(provider.name(), evidence)));
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        throw new MigrateException(CoreErrorCode.CONFIGURATION, found.isEmpty()
                ? "No migrations recognized at '" + location + "': no Flyway V<version>__*.sql files, no Liquibase "
                        + "master changelog, no MyBatis scripts/ directory."
                : "Location '" + location + "' looks like several tools' (" + found.stream()
                        .map(d -> d.tool() + ": " + d.evidence()).collect(Collectors.joining("; ")) + ").",
                "Name the tool with " + CoreSetting.TOOL.names() + ", or point " + CoreSetting.LOCATION.key()
                        + " at the right directory; for a Liquibase changelog with another name, give the file "
                        + "itself (e.g. db/changelog/main.xml)."
                        + missingModules(), null);
    }

    /** Reads the location's listing, so that a permission problem is named as such, not as "nothing found". */
    private static void checkReadable(Path path, String location) {
        if (!Files.isDirectory(path)) {
            if (!Files.isReadable(path)) {
                throw unreadable(location);
            }
            return;
        }
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(path)) {
            listing.iterator().hasNext();
        } catch (AccessDeniedException e) {
            throw unreadable(location);
        } catch (IOException e) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Migration location '" + location + "' cannot be "
                    + "listed (" + e.getClass().getSimpleName() + ").", "Check the directory and the disk.", null);
        }
    }

    private static MigrateException unreadable(String location) {
        return new MigrateException(CoreErrorCode.CONFIGURATION, "Migration location '" + location + "' cannot be read "
                + "(permission denied).", "Let the user that runs opta-migrate read the directory and its files "
                        + "(e.g. chmod -R a+rX).", null);
    }

    /**
     * A tool chosen from a location's contents.
     *
     * @param tool     the tool's name
     * @param evidence what gave it away
     */
    public record Detection(String tool, String evidence) {
    }

    /** Which of the three tools' modules are absent, in words, for a location no installed tool recognizes. */
    private String missingModules() {
        List<String> missing = MODULES.entrySet().stream().filter(module -> providers.stream()
                .noneMatch(provider -> provider.name().equals(module.getKey()))).map(module -> GROUP + ":"
                        + module.getValue()).sorted().toList();
        return missing.isEmpty() ? "" : " Only " + (providers.isEmpty() ? "no tool" : names()) + " is on the "
                + "classpath; for the others add " + String.join(" or ", missing) + ".";
    }

    private String names() {
        return providers.stream().map(MigrationToolProvider::name).sorted().collect(Collectors.joining(", "));
    }
}
