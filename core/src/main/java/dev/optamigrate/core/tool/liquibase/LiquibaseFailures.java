package dev.optamigrate.core.tool.liquibase;

import dev.optamigrate.core.error.Causes;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.util.ArrayList;
import java.util.List;
import liquibase.exception.DatabaseException;
import liquibase.exception.ValidationFailedException;

/** Turns Liquibase's exceptions into messages that name the changeset and the failing SQL. */
final class LiquibaseFailures {
    private LiquibaseFailures() {
    }

    static MigrateException translate(Exception e, String failedChangeSet) {
        if (e instanceof MigrateException known) {
            return known;
        }
        ValidationFailedException invalid = Causes.find(e, ValidationFailedException.class);
        if (invalid != null) {
            return new MigrateException(ErrorCode.VALIDATION_FAILED, "Liquibase validation failed:\n  "
                    + String.join("\n  ", problems(invalid)), null, e);
        }
        DatabaseException database = Causes.find(e, DatabaseException.class);
        String cause = (database != null ? database : Causes.root(e)).getMessage();
        String where = failedChangeSet == null ? "Liquibase failed" : "Changeset " + failedChangeSet + " failed";
        return new MigrateException(ErrorCode.MIGRATION_FAILED, where + ":\n  " + indent(cause), null, e);
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
