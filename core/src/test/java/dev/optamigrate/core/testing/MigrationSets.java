package dev.optamigrate.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies of the example migration sets to which tests append migrations, in each tool's own format, so the
 * same scenario can run against Flyway, Liquibase and MyBatis Migrations.
 */
public final class MigrationSets {
    /** The tools, by the names opta-migrate knows them. */
    public static final List<String> TOOLS = List.of("flyway", "liquibase", "mybatis");

    /** How many migrations each example set holds (MyBatis counts its changelog script). */
    public static int exampleCount(String tool) {
        return tool.equals("mybatis") ? 5 : 4;
    }

    private MigrationSets() {
    }

    /** Copies {@code examples/<tool>} into {@code directory}; the result is the location to migrate from. */
    public static Path copy(String tool, Path directory) {
        return Examples.copy(tool, directory);
    }

    /**
     * Appends a migration that runs after all others.
     *
     * @return its version, as the tool reports it
     */
    public static String append(String tool, Path location, String description, String sql) {
        return appendWithUndo(tool, location, description, sql, "SELECT 1;");
    }

    /**
     * Appends a migration with the SQL that reverts it (Liquibase's {@code --rollback}, MyBatis' {@code @UNDO};
     * Flyway's open-source edition has no undo, and it is left out).
     *
     * @return its version, as the tool reports it
     */
    public static String appendWithUndo(String tool, Path location, String description, String sql, String undo) {
        try {
            return switch (tool) {
                case "flyway" -> appendFlyway(location, description, sql);
                case "liquibase" -> appendLiquibase(location, description, sql, undo);
                case "mybatis" -> appendMyBatis(location, description, sql, undo);
                default -> throw new IllegalArgumentException(tool);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Appends a migration that the tool runs outside a transaction: Flyway finds that out itself for what cannot run
     * in one (CONCURRENTLY), Liquibase's changeset says {@code runInTransaction:false}, and MyBatis' environment
     * turns on {@code auto_commit} (for every script, as MyBatis has no setting per script).
     *
     * @return its version, as the tool reports it
     */
    public static String appendOutsideTransaction(String tool, Path location, String description, String sql) {
        String version = append(tool, location, description, sql);
        try {
            if (tool.equals("liquibase")) {
                Path changeSet = only(location.resolve("changes"), String.format("%03d-", Integer.parseInt(version)));
                Files.writeString(changeSet, Files.readString(changeSet).replace("--changeset test:" + version,
                        "--changeset test:" + version + " runInTransaction:false"));
            } else if (tool.equals("mybatis")) {
                Files.writeString(location.resolve("environments/development.properties"), "auto_commit=true\n",
                        StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return version;
    }

    /** Replaces the SQL of a migration appended earlier (one that has not been applied). */
    public static void replace(String tool, Path location, String version, String sql) {
        try {
            switch (tool) {
                case "flyway" -> Files.writeString(only(location, "V" + version + "__"), sql);
                case "liquibase" -> Files.writeString(only(location.resolve("changes"), String.format("%03d-",
                        Integer.parseInt(version))), liquibaseChangeSet(version, "replaced", sql, "SELECT 1;"));
                case "mybatis" -> Files.writeString(only(location.resolve("scripts"), version + "_"),
                        myBatisScript("replaced", sql, "SELECT 1;"));
                default -> throw new IllegalArgumentException(tool);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String appendFlyway(Path location, String description, String sql) throws IOException {
        int version = count(location, "V") + 1;
        Files.writeString(location.resolve("V" + version + "__" + slug(description) + ".sql"), sql);
        return Integer.toString(version);
    }

    private static String appendLiquibase(Path location, String description, String sql, String undo)
            throws IOException {
        int id = count(location.resolve("changes"), "") + 1;
        String file = String.format("changes/%03d-%s.sql", id, slug(description));
        Files.writeString(location.resolve(file), liquibaseChangeSet(Integer.toString(id), description, sql, undo));
        Files.writeString(location.resolve("db.changelog-master.yaml"), "  - include:\n      file: " + file
                + "\n      relativeToChangelogFile: true\n", StandardOpenOption.APPEND);
        return Integer.toString(id);
    }

    private static String appendMyBatis(Path location, String description, String sql, String undo)
            throws IOException {
        String id = Long.toString(20250101000000L + count(location.resolve("scripts"), "2025"));
        Files.writeString(location.resolve("scripts").resolve(id + "_" + slug(description) + ".sql"),
                myBatisScript(description, sql, undo));
        return id;
    }

    private static String liquibaseChangeSet(String id, String description, String sql, String undo) {
        return "--liquibase formatted sql\n\n--changeset test:" + id + "\n--comment: " + description + "\n" + sql
                + "\n--rollback " + undo + "\n";
    }

    private static String myBatisScript(String description, String sql, String undo) {
        return "-- // " + description + "\n\n" + sql + "\n\n-- //@UNDO\n\n" + undo + "\n";
    }

    private static int count(Path directory, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return (int) files.filter(file -> file.getFileName().toString().startsWith(prefix)).count();
        }
    }

    private static Path only(Path directory, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + prefix + "* in " + directory));
        }
    }

    private static String slug(String description) {
        return description.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }
}
