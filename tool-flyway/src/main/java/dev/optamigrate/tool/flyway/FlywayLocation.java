package dev.optamigrate.tool.flyway;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationInfo;

/**
 * A migration location as the user wrote it ({@code db/migration}, {@code filesystem:...}, {@code classpath:...}),
 * checked to exist, and the means to read a migration's SQL from it.
 */
final class FlywayLocation {
    private static final String CLASSPATH = "classpath:";
    private static final String FILESYSTEM = "filesystem:";
    private static final Pattern VERSIONED = Pattern.compile("V[0-9][0-9._]*__.+\\.(?i:sql)");

    private final String flywayLocation;
    private final String classpathRoot;
    private final ClassLoader loader;

    private FlywayLocation(String flywayLocation, String classpathRoot, ClassLoader loader) {
        this.flywayLocation = flywayLocation;
        this.classpathRoot = classpathRoot;
        this.loader = loader;
    }

    /**
     * @param loader the class loader a {@code classpath:} location is read from
     */
    static FlywayLocation of(String location, ClassLoader loader) {
        if (location.startsWith(CLASSPATH)) {
            String root = location.substring(CLASSPATH.length()).replaceAll("^/+|/+$", "");
            if (loader.getResource(root) == null) {
                throw missing(location, "is not on the classpath (give the jar or directory that holds it with "
                        + "--classpath)");
            }
            return new FlywayLocation(location, root, loader);
        }
        Path directory = Path.of(location.startsWith(FILESYSTEM) ? location.substring(FILESYSTEM.length()) : location)
                .toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw missing(location, Files.exists(directory) ? "is not a directory" : "does not exist");
        }
        return new FlywayLocation(FILESYSTEM + directory, null, loader);
    }

    /** A directory with versioned SQL migrations named as Flyway expects ({@code V1__name.sql}). */
    static Optional<String> recognize(Path location) {
        if (!Files.isDirectory(location)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(location, 3)) {
            long count = files.filter(file -> VERSIONED.matcher(file.getFileName().toString()).matches()).count();
            return count == 0 ? Optional.empty() : Optional.of(count + " V<version>__*.sql files");
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    String flywayLocation() {
        return flywayLocation;
    }

    /** The SQL text of a migration, or a comment saying why there is none (Java migrations). */
    String sqlOf(MigrationInfo migration) {
        String script = migration.getScript();
        if (!script.toLowerCase(java.util.Locale.ROOT).endsWith(".sql")) {
            return "-- " + script + " is not an SQL migration; its SQL is known only when it runs.";
        }
        try {
            String physical = migration.getPhysicalLocation();
            if (physical != null && !physical.isBlank() && Files.isRegularFile(Path.of(physical))) {
                return Files.readString(Path.of(physical), StandardCharsets.UTF_8);
            }
            if (classpathRoot != null) {
                try (InputStream in = loader.getResourceAsStream(classpathRoot + "/" + script)) {
                    if (in != null) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            }
        } catch (IOException e) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Cannot read migration " + script + ": "
                    + e.getMessage(), "Check the file's permissions.", e);
        }
        return "-- the SQL of " + script + " could not be located";
    }

    /**
     * Whether the migration may have a script config file of its own ({@code V1__name.sql.conf}); true when that
     * cannot be told.
     */
    boolean hasScriptConfig(MigrationInfo migration) {
        String physical = migration.getPhysicalLocation();
        if (physical != null && !physical.isBlank() && Files.isRegularFile(Path.of(physical))) {
            return Files.exists(Path.of(physical + ".conf"));
        }
        if (classpathRoot == null) {
            return true;
        }
        String resource = classpathRoot + "/" + migration.getScript();
        return loader.getResource(resource) == null || loader.getResource(resource + ".conf") != null;
    }

    private static MigrateException missing(String location, String problem) {
        return new MigrateException(CoreErrorCode.CONFIGURATION, "Migration location '" + location + "' " + problem
                + ".",
                "Point --location at the directory that holds the migrations (e.g. examples/flyway).", null);
    }
}
