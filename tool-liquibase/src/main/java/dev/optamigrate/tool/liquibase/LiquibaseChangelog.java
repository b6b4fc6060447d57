package dev.optamigrate.tool.liquibase;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where a Liquibase changelog is. A location may name the changelog file itself, or a directory holding exactly
 * one master changelog with a conventional name: {@code db.changelog-master.*} or {@code changelog.*}, with the
 * extension {@code yaml}, {@code yml}, {@code xml}, {@code json} or {@code sql}.
 *
 * <p>Liquibase resolves the changelog and its includes against a search path of directories. Real projects include
 * files by their path from the classpath root ({@code db/changelog/v3/schema.yml}) as well as relative to the
 * including file, so the default search path is the changelog's directory followed by each directory above it,
 * up to the build's resources directory ({@code src/main/resources}, the classpath root at build time) when the
 * changelog is in one, else up to the working directory.
 *
 * <p>A {@code classpath:} location ({@code classpath:/db/changelog/db.changelog-master.yaml}, as Spring Boot writes
 * it) names a changelog that the project's class loader finds, in a directory or inside a jar; the changelog and its
 * includes are then read from the classpath alone, by their paths from its root, and Liquibase records the same
 * file names as Spring Boot's own Liquibase does.
 *
 * @param searchPath  the directories Liquibase resolves changelog paths against, in order; the first holds the
 *                    changelog; empty for a changelog on the classpath
 * @param file        the changelog's path relative to the first directory, or to the classpath's root
 * @param onClasspath whether the changelog is read from the classpath
 */
record LiquibaseChangelog(List<Path> searchPath, String file, boolean onClasspath) {
    static final List<String> MASTER_NAMES = List.of("db.changelog-master", "changelog");
    static final List<String> EXTENSIONS = List.of("yaml", "yml", "xml", "json", "sql");
    private static final String CLASSPATH = "classpath:";

    /**
     * @param searchPath the directories given by the {@code search-path} setting, or empty for the default
     */
    static LiquibaseChangelog of(String location, List<Path> searchPath) {
        return of(location, searchPath, Thread.currentThread().getContextClassLoader());
    }

    /**
     * @param loader the class loader a {@code classpath:} changelog is read with
     */
    static LiquibaseChangelog of(String location, List<Path> searchPath, ClassLoader loader) {
        if (location.startsWith(CLASSPATH)) {
            return onClasspath(location, loader);
        }
        Path path = Path.of(location).toAbsolutePath().normalize();
        if (Files.isRegularFile(path)) {
            return withSearchPath(path.getParent(), path.getFileName().toString(), searchPath);
        }
        if (!Files.isDirectory(path)) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Migration location '" + location
                    + "' does not exist.",
                    "Point --location at a Liquibase changelog file, or at the directory that holds its master "
                            + "changelog.", null);
        }
        List<Path> masters = masters(path);
        if (masters.isEmpty()) {
            throw noMaster(location, path);
        }
        if (masters.size() != 1) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Directory '" + location + "' has "
                    + (masters.isEmpty() ? "no" : masters.size()) + " master changelog"
                    + (masters.isEmpty() ? "" : "s (" + names(masters) + ")") + ".",
                    "Name the changelog file in --location, or keep exactly one of " + conventionalNames()
                            + " in the directory.", null);
        }
        return withSearchPath(path, masters.get(0).getFileName().toString(), searchPath);
    }

    private static LiquibaseChangelog onClasspath(String location, ClassLoader loader) {
        String file = location.substring(CLASSPATH.length()).replaceAll("^/+", "");
        if (file.isEmpty() || file.endsWith("/") || loader.getResource(file) == null) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Liquibase changelog '" + location + "' is not "
                    + "on the classpath.", "Name the changelog file from the classpath's root, e.g. "
                            + "classpath:db/changelog/db.changelog-master.yaml, and check that the jar or directory "
                            + "holding it is on the classpath.", null);
        }
        return new LiquibaseChangelog(List.of(), file, true);
    }

    private static LiquibaseChangelog withSearchPath(Path directory, String file, List<Path> given) {
        for (Path root : given) {
            if (!Files.isDirectory(root)) {
                throw new MigrateException(CoreErrorCode.CONFIGURATION, "search-path names " + root
                        + ", which is not a "
                        + "directory.", "Give the directories (separated by ',') that the changelog's includes are "
                                + "relative to, e.g. src/main/resources.", null);
            }
        }
        List<Path> searchPath = new ArrayList<>();
        searchPath.add(directory);
        if (given.isEmpty()) {
            Path top = classpathRoot(directory).orElse(Path.of("").toAbsolutePath().normalize());
            for (Path above = directory.getParent(); above != null && directory.startsWith(top)
                    && above.startsWith(top); above = above.getParent()) {
                searchPath.add(above);
            }
        } else {
            given.stream().filter(root -> !root.equals(directory)).forEach(searchPath::add);
        }
        return new LiquibaseChangelog(searchPath, file, false);
    }


    /** The build's resources directory above the changelog ({@code src/main/resources}), if it is in one. */
    private static Optional<Path> classpathRoot(Path directory) {
        for (Path above = directory; above != null; above = above.getParent()) {
            if (above.getFileName() != null && above.getFileName().toString().equals("resources")) {
                return Optional.of(above);
            }
        }
        return Optional.empty();
    }

    /** No conventional master: the files that could be the changelog, and how to name one. */
    private static MigrateException noMaster(String location, Path directory) {
        List<String> candidates;
        try (Stream<Path> files = Files.list(directory)) {
            candidates = files.filter(Files::isRegularFile).map(file -> file.getFileName().toString())
                    .filter(name -> EXTENSIONS.stream().anyMatch(ext -> name.endsWith("." + ext))).sorted().toList();
        } catch (IOException e) {
            candidates = List.of();
        }
        String example = Path.of(location).resolve(candidates.isEmpty() ? "db.changelog-master.yaml"
                : candidates.get(0)).toString();
        return new MigrateException(CoreErrorCode.CONFIGURATION, "Directory '" + location + "' has no master changelog "
                + "named by the convention (" + conventionalNames() + ")" + (candidates.isEmpty() ? "."
                        : "; changelog files there: " + String.join(", ", candidates) + "."),
                "Give the changelog file itself: --location " + example, null);
    }

    /** The master changelog file a location names, or holds by a conventional name. */
    static Path masterFile(String location) {
        if (location.startsWith(CLASSPATH)) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Cannot write changesets into the classpath "
                    + "changelog '" + location + "'.", "Give the changelog's source file instead, e.g. --location "
                            + "src/main/resources/db/changelog/db.changelog-master.yaml.", null);
        }
        LiquibaseChangelog changelog = of(location, List.of());
        return changelog.searchPath().get(0).resolve(changelog.file()).normalize();
    }

    /** What marks a location as Liquibase's: a master changelog, or a changelog file. */
    static Optional<String> recognize(Path location) {
        if (Files.isRegularFile(location)) {
            String name = location.getFileName().toString();
            boolean changelog = EXTENSIONS.stream().anyMatch(ext -> name.endsWith("." + ext) && !ext.equals("sql"))
                    || (name.endsWith(".sql") && formattedSql(location));
            return changelog ? Optional.of("changelog file " + name) : Optional.empty();
        }
        List<Path> masters = Files.isDirectory(location) ? masters(location) : List.of();
        return masters.isEmpty() ? Optional.empty() : Optional.of("master changelog " + names(masters));
    }

    private static List<Path> masters(Path directory) {
        return MASTER_NAMES.stream()
                .flatMap(name -> EXTENSIONS.stream().map(ext -> directory.resolve(name + "." + ext)))
                .filter(Files::isRegularFile)
                .toList();
    }

    private static boolean formattedSql(Path file) {
        try {
            return Files.readString(file).stripLeading().startsWith("--liquibase formatted sql");
        } catch (IOException e) {
            return false;
        }
    }

    private static String names(List<Path> paths) {
        return paths.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "));
    }

    private static String conventionalNames() {
        return MASTER_NAMES.stream().map(name -> name + ".{" + String.join(",", EXTENSIONS) + "}")
                .collect(Collectors.joining(" or "));
    }
}
