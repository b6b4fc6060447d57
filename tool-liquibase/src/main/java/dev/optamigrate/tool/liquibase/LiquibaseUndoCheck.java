package dev.optamigrate.tool.liquibase;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.UndoRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;

/**
 * Finds, before a rollback starts, a changeset it would reach but cannot revert: one with no rollback (raw SQL
 * without {@code --rollback}, a change Liquibase cannot invert) or one gone from the changelog. Liquibase would
 * revert the newer changesets and then stop there.
 */
final class LiquibaseUndoCheck {
    private LiquibaseUndoCheck() {
    }

    /**
     * @param ran    the changesets in the history table, oldest first
     * @param parsed the changesets of the changelog
     */
    static void check(UndoRequest request, List<RanChangeSet> ran, List<ChangeSet> parsed, Database database) {
        for (RanChangeSet reverted : reached(request, ran)) {
            Optional<ChangeSet> changeSet = parsed.stream().filter(reverted::isSameAs).findFirst();
            String name = reverted.getChangeLog() + "::" + reverted.getId() + "::" + reverted.getAuthor();
            if (changeSet.isEmpty()) {
                throw refused("Changeset " + name + " is in DATABASECHANGELOG but not in the changelog, so it cannot "
                        + "be rolled back.", "Restore it in the changelog, or undo fewer changesets.");
            }
            if (!changeSet.get().supportsRollback(database)) {
                throw refused("Changeset " + name + " has no rollback, and the undo would reach it.",
                        "Give it one (--rollback in formatted SQL, <rollback> in XML, rollback: in YAML), or undo "
                                + "fewer changesets.");
            }
        }
    }

    /** The changesets the undo would revert, newest first. */
    private static List<RanChangeSet> reached(UndoRequest request, List<RanChangeSet> ran) {
        List<RanChangeSet> newestFirst = new ArrayList<>(ran);
        Collections.reverse(newestFirst);
        if (request.tag() == null) {
            return newestFirst.subList(0, Math.min(request.steps(), newestFirst.size()));
        }
        List<RanChangeSet> reached = new ArrayList<>();
        for (RanChangeSet changeSet : newestFirst) {
            if (request.tag().equals(changeSet.getTag())) {
                break;
            }
            reached.add(changeSet);
        }
        return reached;
    }

    private static MigrateException refused(String message, String hint) {
        return new MigrateException(CoreErrorCode.UNSUPPORTED, message + " Nothing was reverted.", hint, null);
    }
}
