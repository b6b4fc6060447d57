package dev.optamigrate.core.tool.liquibase;

import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a Liquibase changelog is. A location may name the changelog file itself, or a directory holding exactly
 * one master changelog with a conventional name: {@code db.changelog-master.*} or {@code changelog.*}, with the
 * extension {@code yaml}, {@code yml}, {@code xml}, {@code json} or {@code sql}.
 *
 * @param root the directory Liquibase resolves changelog paths against
 * @param file the changelog's path relative to {@code root}
 */
record LiquibaseChangelog(Path root, String file) {
    static final List<String> MASTER_NAMES = List.of("db.changelog-master", "changelog");
    static final List<String> EXTENSIONS = List.of("yaml", "yml", "xml", "json", "sql");

    static LiquibaseChangelog of(String location) {
        Path path = Path.of(location).toAbsolutePath().normalize();
        if (Files.isRegularFile(path)) {
            return new LiquibaseChangelog(path.getParent(), path.getFileName().toString());
        }
        if (!Files.isDirectory(path)) {
            throw new MigrateException(ErrorCode.CONFIGURATION, "Migration location '" + location + "' does not exist.",
                    "Point --location at a Liquibase changelog file, or at the directory that holds its master "
                            + "changelog.", null);
        }
        List<Path> masters = masters(path);
        if (masters.size() != 1) {
            throw new MigrateException(ErrorCode.CONFIGURATION, "Directory '" + location + "' has "
                    + (masters.isEmpty() ? "no" : masters.size()) + " master changelog"
                    + (masters.isEmpty() ? "" : "s (" + names(masters) + ")") + ".",
                    "Name the changelog file in --location, or keep exactly one of " + conventionalNames()
                            + " in the directory.", null);
        }
        return new LiquibaseChangelog(path, masters.get(0).getFileName().toString());
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
