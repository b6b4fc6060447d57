package dev.optamigrate.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the same N small migrations in each tool's format, and as one plain SQL script for {@code psql -f}.
 * Each migration creates a table and inserts a row.
 */
final class MigrationSetWriter {
    private MigrationSetWriter() {
    }

    static String sql(int i) {
        return "CREATE TABLE t_" + i + " (id int PRIMARY KEY, v text);\nINSERT INTO t_" + i + " VALUES (1, 'x');\n";
    }

    /** @return the location to migrate from */
    static Path write(String tool, Path directory, int count) throws IOException {
        Files.createDirectories(directory);
        switch (tool) {
            case "flyway" -> {
                for (int i = 1; i <= count; i++) {
                    Files.writeString(directory.resolve("V" + i + "__t_" + i + ".sql"), sql(i));
                }
                return directory;
            }
            case "liquibase" -> {
                StringBuilder changelog = new StringBuilder("--liquibase formatted sql\n");
                for (int i = 1; i <= count; i++) {
                    changelog.append("\n--changeset bench:").append(i).append('\n').append(sql(i));
                }
                return Files.writeString(directory.resolve("changelog.sql"), changelog);
            }
            case "mybatis" -> {
                Path scripts = Files.createDirectories(directory.resolve("scripts"));
                Files.writeString(scripts.resolve("00000_create_changelog.sql"), "-- // changelog\nCREATE TABLE "
                        + "changelog (id numeric(20,0) PRIMARY KEY, applied_at varchar(25) NOT NULL, "
                        + "description varchar(255) NOT NULL);\n-- //@UNDO\nDROP TABLE changelog;\n");
                for (int i = 1; i <= count; i++) {
                    Files.writeString(scripts.resolve(String.format("%05d_t_%d.sql", i, i)), "-- // t " + i + "\n"
                            + sql(i) + "-- //@UNDO\nDROP TABLE t_" + i + ";\n");
                }
                return directory;
            }
            case "psql" -> {
                StringBuilder script = new StringBuilder();
                for (int i = 1; i <= count; i++) {
                    script.append("BEGIN;\n").append(sql(i)).append("COMMIT;\n");
                }
                return Files.writeString(directory.resolve("all.sql"), script);
            }
            default -> throw new IllegalArgumentException(tool);
        }
    }
}
