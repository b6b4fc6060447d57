package dev.optamigrate.tool.flyway;

import dev.optamigrate.core.error.Causes;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.sql.SQLException;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.exception.FlywaySqlException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

/**
 * Turns Flyway's exceptions into messages that name the file, the line and the failing statement. A failure
 * while running SQL is {@link ErrorCode#MIGRATION_FAILED}; one while reading the migrations (duplicate versions,
 * bad names, files that are not text) happened before anything ran, and is {@link ErrorCode#INVALID_MIGRATIONS}.
 */
final class FlywayFailures {
    private static final int STATEMENT_LIMIT = 500;

    private FlywayFailures() {
    }

    static MigrateException translate(FlywayException e) {
        FlywaySqlScriptException script = Causes.find(e, FlywaySqlScriptException.class);
        if (script != null) {
            return new MigrateException(CoreErrorCode.MIGRATION_FAILED, "Migration " + scriptName(e, script)
                    + " failed at line " + script.getLineNumber() + ":\n    " + shorten(script.getStatement())
                    + "\n  " + databaseError(script), null, e);
        }
        FlywayValidateException invalid = Causes.find(e, FlywayValidateException.class);
        if (invalid != null) {
            return new MigrateException(CoreErrorCode.VALIDATION_FAILED, "Validation failed: " + firstLines(invalid),
                    null, e);
        }
        if (Causes.find(e, FlywayMigrateException.class) != null || Causes.find(e, FlywaySqlException.class) != null) {
            return new MigrateException(CoreErrorCode.MIGRATION_FAILED, "Flyway failed: " + firstLines(e), null, e);
        }
        return new MigrateException(CoreErrorCode.INVALID_MIGRATIONS, "Flyway cannot read the migrations: "
                + firstLines(e) + "\n  Nothing was changed.", null, e);
    }

    private static String scriptName(FlywayException e, FlywaySqlScriptException script) {
        FlywayMigrateException migrate = Causes.find(e, FlywayMigrateException.class);
        if (migrate != null && migrate.getMigration() != null) {
            return migrate.getMigration().getScript();
        }
        return script.getResource() == null ? "(unknown file)" : script.getResource().getFilename();
    }

    private static String databaseError(FlywaySqlScriptException script) {
        SQLException sql = Causes.find(script, SQLException.class);
        if (sql == null) {
            return firstLines(script);
        }
        String message = sql.getMessage() == null ? "" : sql.getMessage().lines().findFirst().orElse("");
        return message + " (SQL state " + sql.getSQLState() + ")";
    }

    private static String shorten(String statement) {
        String trimmed = statement == null ? "" : statement.strip();
        return trimmed.length() <= STATEMENT_LIMIT ? trimmed : trimmed.substring(0, STATEMENT_LIMIT) + " ...";
    }

    private static String firstLines(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        return message.lines().limit(6).reduce((a, b) -> a + "\n  " + b).orElse(message);
    }
}
