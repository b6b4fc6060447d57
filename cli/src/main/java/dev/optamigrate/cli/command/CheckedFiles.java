package dev.optamigrate.cli.command;

import dev.optamigrate.core.analysis.ChangesetScripts;
import dev.optamigrate.core.analysis.CheckReport;
import dev.optamigrate.core.analysis.MigrationFiles;
import dev.optamigrate.core.analysis.MigrationScript;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.ToolOptions;
import dev.optamigrate.core.tool.MigrationTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code check PATH...} reads: SQL files as they are, and Liquibase changelogs (XML, YAML, JSON, formatted
 * SQL, or a directory with a master changelog) as the SQL Liquibase generates for PostgreSQL offline, one script
 * per changeset, whose findings are then placed at the changeset.
 */
final class CheckedFiles {
    private static final String LIQUIBASE = "liquibase";

    private final List<MigrationScript> scripts = new ArrayList<>();
    private final List<ChangesetScripts> changelogs = new ArrayList<>();

    static CheckedFiles read(List<Path> paths, Path workingDir, MigrationTools tools, ToolOptions options) {
        CheckedFiles files = new CheckedFiles();
        for (Path given : paths) {
            Path path = workingDir.resolve(given).toAbsolutePath().normalize();
            if (isLiquibaseChangelog(path, tools)) {
                ChangesetScripts changesets = new ChangesetScripts(tools.byName(LIQUIBASE).readOffline(
                        path.toString(), options), Files.isDirectory(path) ? path : path.getParent(), workingDir);
                files.changelogs.add(changesets);
                files.scripts.addAll(changesets.scripts());
            } else {
                files.scripts.addAll(MigrationFiles.read(List.of(given), workingDir));
            }
        }
        return files;
    }

    List<MigrationScript> scripts() {
        return scripts;
    }

    /** The report with each changelog's findings placed at their changesets. */
    CheckReport placed(CheckReport report) {
        CheckReport placed = report;
        for (ChangesetScripts changesets : changelogs) {
            placed = changesets.placed(placed);
        }
        return placed;
    }

    private static boolean isLiquibaseChangelog(Path path, MigrationTools tools) {
        if (!Files.exists(path) || tools.providers().stream().noneMatch(p -> p.name().equals(LIQUIBASE))) {
            return false;
        }
        try {
            return tools.detect(path.toString()).tool().equals(LIQUIBASE);
        } catch (MigrateException notRecognized) {
            return false;
        }
    }
}
