package dev.optamigrate.tool.liquibase;

import dev.optamigrate.core.error.Causes;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.util.ArrayList;
import java.util.List;
import liquibase.exception.ChangeLogParseException;
import liquibase.exception.DatabaseException;
import liquibase.exception.LiquibaseParseException;
import liquibase.exception.SetupException;
import liquibase.exception.UnknownChangelogFormatException;
import liquibase.exception.ValidationFailedException;

/**
 * Turns Liquibase's exceptions into messages that name the changeset and the failing SQL. A changelog that
 * cannot be read is {@link ErrorCode#INVALID_MIGRATIONS}: nothing ran.
 */
final class LiquibaseFailures {
    private LiquibaseFailures() {
    }

    static MigrateException translate(Exception e, String failedChangeSet) {
        if (e instanceof MigrateException known) {
            return known;
        }
        ValidationFailedException invalid = Causes.find(e, ValidationFailedException.class);
        if (invalid != null) {
            return new MigrateException(CoreErrorCode.VALIDATION_FAILED, "Liquibase validation failed:\n  "
                    + String.join("\n  ", problems(invalid)), null, e);
        }
        String missingClass = missingClass(e);
        if (missingClass != null) {
            return new MigrateException(CoreErrorCode.INVALID_MIGRATIONS, "The changelog names class " + missingClass
                    + " (a custom change or an extension), which is not on the classpath. Nothing was changed.",
                    "Give the project's jar or compiled classes with --classpath (e.g. --classpath "
                            + "build/libs/app.jar or target/classes).", e);
        }
        Throwable unreadable = unreadableChangelog(e);
        if (unreadable != null) {
            return new MigrateException(CoreErrorCode.INVALID_MIGRATIONS, "Liquibase cannot read the changelog:\n  "
                    + indent(withoutSearchPathAdvice(unreadable.getMessage())) + "\n  Nothing was changed.",
                    "Fix the changelog as the message says. Includes are resolved against --search-path (by default "
                            + "the changelog's directory and each one above it, up to src/main/resources or the working "
                            + "directory).", e);
        }
        DatabaseException database = Causes.find(e, DatabaseException.class);
        String cause = (database != null ? database : Causes.root(e)).getMessage();
        String where = failedChangeSet == null ? "Liquibase failed" : "Changeset " + failedChangeSet + " failed";
        return new MigrateException(CoreErrorCode.MIGRATION_FAILED, where + ":\n  " + indent(cause), null, e);
    }

    /** The parse or setup failure in the chain (bad XML or YAML, a missing include), or {@code null}. */
    static Throwable unreadableChangelog(Exception e) {
        for (Class<? extends Throwable> type : List.of(ChangeLogParseException.class, SetupException.class,
                LiquibaseParseException.class, UnknownChangelogFormatException.class)) {
            Throwable found = Causes.find(e, type);
            if (found != null) {
                return Causes.root(found).getMessage() != null ? Causes.root(found) : found;
            }
        }
        return null;
    }

    /** The class that could not be loaded, if that is why Liquibase failed. */
    private static String missingClass(Exception e) {
        ClassNotFoundException notFound = Causes.find(e, ClassNotFoundException.class);
        if (notFound != null) {
            return notFound.getMessage();
        }
        NoClassDefFoundError undefined = Causes.find(e, NoClassDefFoundError.class);
        return undefined == null ? null : String.valueOf(undefined.getMessage()).replace('/', '.');
    }

    /** Liquibase's own advice names its {@code searchPath} parameter; opta-migrate calls it search-path. */
    private static String withoutSearchPathAdvice(String message) {
        return String.valueOf(message).lines().filter(line -> !line.contains("'searchPath' parameter"))
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }

    /** One line per problem that a validation failure reports. */
    static List<String> problems(Exception e) {
        Throwable deepest = Causes.find(e, ValidationFailedException.class);
        String message = String.valueOf((deepest != null ? deepest : Causes.root(e)).getMessage());
        List<String> problems = new ArrayList<>();
        for (String line : message.split("\\R")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("Validation Failed") && !trimmed.endsWith("changesets had")) {
                problems.add(trimmed);
            }
        }
        return problems.isEmpty() ? List.of(message.strip()) : problems;
    }

    private static String indent(String message) {
        return String.valueOf(message).strip().replace("\n", "\n  ");
    }
}
