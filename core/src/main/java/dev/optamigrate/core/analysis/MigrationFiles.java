package dev.optamigrate.core.analysis;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SQL files a check reads when it is given paths: each file as it is, each directory's {@code .sql} files
 * (recursively, in the order the tool runs them: see {@link ToolOrder}). A MyBatis script's undo part, after {@code --
 * //@UNDO}, is left out: it does not
 * run on the way up. A file is taken to run in a transaction unless Flyway's script config beside it says not.
 */
public final class MigrationFiles {
    private static final Pattern OUTSIDE_TRANSACTION = Pattern.compile(
            "^\\s*executeInTransaction\\s*=\\s*false\\s*$", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
    private static final Pattern MYBATIS_UNDO = Pattern.compile("^--\\s*//@UNDO.*$", Pattern.MULTILINE);

    private MigrationFiles() {
    }

    /**
     * @param paths      files and directories, as given
     * @param workingDir what relative paths are relative to; reports name files relative to it
     */
    public static List<MigrationScript> read(List<Path> paths, Path workingDir) {
        List<MigrationScript> scripts = new ArrayList<>();
        for (Path given : paths) {
            Path path = workingDir.resolve(given);
            if (!Files.exists(path)) {
                throw new MigrateException(CoreErrorCode.CONFIGURATION, "No such file or directory: " + given + ".",
                        "Give migration files or directories that exist (relative to " + workingDir + ").", null);
            }
            List<Path> files = Files.isDirectory(path) ? sqlFilesUnder(path, given) : List.of(path);
            for (Path file : files) {
                scripts.add(new MigrationScript(displayName(file, workingDir), withoutUndo(readText(file)),
                        transactional(file)));
            }
        }
        return scripts;
    }

    private static List<Path> sqlFilesUnder(Path directory, Path given) {
        try (Stream<Path> walk = Files.walk(directory)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".sql"))
                    .sorted(new ToolOrder()).toList();
            if (files.isEmpty()) {
                throw new MigrateException(CoreErrorCode.CONFIGURATION, "No .sql files in " + given + ".",
                        "Point check at the directory that holds the SQL migrations, or at the files.", null);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Cannot read " + file + ": " + e.getMessage(),
                    "Check that the file is readable UTF-8 text.", e);
        }
    }

    /** Flyway's script config beside a file ({@code V1__x.sql.conf}) can run it outside a transaction. */
    private static boolean transactional(Path file) {
        Path config = file.resolveSibling(file.getFileName() + ".conf");
        return !Files.isRegularFile(config) || !OUTSIDE_TRANSACTION.matcher(readText(config)).find();
    }

    private static String withoutUndo(String sql) {
        var undo = MYBATIS_UNDO.matcher(sql);
        return undo.find() ? sql.substring(0, undo.start()) : sql;
    }

    private static String displayName(Path file, Path workingDir) {
        Path normalized = file.toAbsolutePath().normalize();
        Path base = workingDir.toAbsolutePath().normalize();
        return (normalized.startsWith(base) ? base.relativize(normalized) : normalized).toString()
                .replace('\\', '/');
    }
}
