package dev.optamigrate.core.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings that only some tools read, as their own command lines offer them; a tool ignores those it has no use
 * for.
 *
 * @param classpath    jars and directories with the project's own classes and resources: Liquibase custom changes,
 *                     extensions and changelogs included from the classpath root, Flyway Java migrations
 * @param searchPath   Liquibase: the directories that changelog paths and includes are resolved against, in
 *                     order; empty for the default (the changelog's directory and the directories above it)
 * @param contexts     Liquibase: the context expression changesets must match, or {@code null} for all
 * @param labels       Liquibase: the label expression changesets must match, or {@code null} for all
 * @param placeholders Flyway: the placeholders replaced in SQL migrations
 * @param environment  MyBatis: the environment whose {@code environments/<name>.properties} holds the script
 *                     settings
 */
public record ToolOptions(List<Path> classpath, List<Path> searchPath, String contexts, String labels,
        Map<String, String> placeholders, String environment) {

    /** Every tool's defaults. */
    public static final ToolOptions DEFAULTS = new ToolOptions(List.of(), List.of(), null, null, Map.of(),
            "development");

    public ToolOptions {
        classpath = List.copyOf(classpath);
        searchPath = List.copyOf(searchPath);
        placeholders = Map.copyOf(placeholders);
        Objects.requireNonNull(environment, "environment");
    }
}
