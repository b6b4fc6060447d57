package dev.optamigrate.tool.mybatis;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.MigrationInfo;
import dev.optamigrate.core.spi.MigrationState;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.ibatis.migration.Change;
import org.apache.ibatis.migration.FileMigrationLoader;

/**
 * Finds, before an undo starts, a script it would reach but cannot revert: one whose file is gone, or one without
 * an undo part. MyBatis would run nothing for such a script and still delete its changelog row, so the schema
 * would keep the change while the record says it is gone.
 */
final class MyBatisUndoCheck {
    private MyBatisUndoCheck() {
    }

    /**
     * @param applied the applied scripts, oldest first
     * @param steps   how many the undo reverts, newest first
     */
    static void check(List<MigrationInfo> applied, int steps, FileMigrationLoader loader) {
        List<MigrationInfo> newestFirst = new ArrayList<>(applied);
        Collections.reverse(newestFirst);
        List<Change> scripts = loader.getMigrations();
        for (MigrationInfo reached : newestFirst.subList(0, Math.min(steps, newestFirst.size()))) {
            Change script = scripts.stream().filter(change -> MyBatisSession.versionOf(change).equals(reached.version()))
                    .findFirst().orElse(null);
            if (reached.state() == MigrationState.MISSING || script == null) {
                throw refused("Script " + reached.version() + " (" + reached.description() + ") is applied, but its "
                        + "file is gone from scripts/, so it cannot be undone.", "Restore the file, or undo fewer "
                                + "scripts.");
            }
            if (undoPart(loader, script).isEmpty()) {
                throw refused("Script " + script.getFilename() + " has no undo part, and the undo would reach it.",
                        "Write its undo after -- //@UNDO in the script, or undo fewer scripts.");
            }
        }
    }

    /** The undo part's statements, without comments and blank lines. */
    private static String undoPart(FileMigrationLoader loader, Change script) {
        try (Reader reader = loader.getScriptReader(script, true)) {
            StringWriter text = new StringWriter();
            reader.transferTo(text);
            return text.toString().lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("--"))
                    .reduce((a, b) -> a + "\n" + b).orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MigrateException refused(String message, String hint) {
        return new MigrateException(CoreErrorCode.UNSUPPORTED, message + " Nothing was reverted.", hint, null);
    }
}
