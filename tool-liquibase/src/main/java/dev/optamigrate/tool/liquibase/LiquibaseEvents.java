package dev.optamigrate.tool.liquibase;

import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.spi.AppliedMigration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;

/**
 * Turns Liquibase's per-changeset callbacks into opta-migrate events and remembers what ran (or was rolled
 * back), and which changeset failed. It also tells {@link ChangeSetCommits} when a changeset starts and ends, so that
 * the changeset and its DATABASECHANGELOG row commit together.
 */
final class LiquibaseEvents extends AbstractChangeExecListener {
    private final EventListener events;
    private final List<AppliedMigration> done = new ArrayList<>();
    private long startedNanos;
    private ChangeSet failed;

    LiquibaseEvents(EventListener events) {
        this.events = events;
    }

    @Override
    public void willRun(ChangeSet changeSet, DatabaseChangeLog log, Database database, ChangeSet.RunStatus status) {
        holdCommits(changeSet, database);
        started(changeSet);
    }

    @Override
    public void ran(ChangeSet changeSet, DatabaseChangeLog log, Database database, ChangeSet.ExecType type) {
        ChangeSetCommits.release(database);
        if (type == ChangeSet.ExecType.EXECUTED || type == ChangeSet.ExecType.RERAN) {
            finished(changeSet);
        }
    }

    @Override
    public void willRollback(ChangeSet changeSet, DatabaseChangeLog log, Database database) {
        holdCommits(changeSet, database);
        started(changeSet);
    }

    @Override
    public void rolledBack(ChangeSet changeSet, DatabaseChangeLog log, Database database) {
        ChangeSetCommits.release(database);
        finished(changeSet);
    }

    @Override
    public void runFailed(ChangeSet changeSet, DatabaseChangeLog log, Database database, Exception exception) {
        ChangeSetCommits.release(database);
        failed(changeSet);
    }

    @Override
    public void rollbackFailed(ChangeSet changeSet, DatabaseChangeLog log, Database database, Exception exception) {
        ChangeSetCommits.release(database);
        failed(changeSet);
    }

    /** A changeset that runs in a transaction commits together with its DATABASECHANGELOG row. */
    private static void holdCommits(ChangeSet changeSet, Database database) {
        if (changeSet.isRunInTransaction()) {
            ChangeSetCommits.hold(database);
        }
    }

    List<AppliedMigration> done() {
        return List.copyOf(done);
    }

    /** The changeset that failed, as {@code file::id::author}, or {@code null}. */
    String failedChangeSet() {
        return failed == null ? null : failed.toString(false);
    }

    static String descriptionOf(ChangeSet changeSet) {
        String comments = changeSet.getComments();
        return comments != null && !comments.isBlank() ? comments.strip() : changeSet.getDescription();
    }

    private void started(ChangeSet changeSet) {
        startedNanos = System.nanoTime();
        events.on(new MigrationEvent.MigrationStarted(changeSet.getId(), descriptionOf(changeSet),
                changeSet.getFilePath()));
    }

    private void finished(ChangeSet changeSet) {
        Duration duration = Duration.ofNanos(System.nanoTime() - startedNanos);
        done.add(new AppliedMigration(changeSet.getId(), descriptionOf(changeSet), changeSet.getFilePath(), duration));
        events.on(new MigrationEvent.MigrationFinished(changeSet.getId(), descriptionOf(changeSet),
                changeSet.getFilePath(), duration));
    }

    private void failed(ChangeSet changeSet) {
        this.failed = changeSet;
        events.on(new MigrationEvent.MigrationFailed(changeSet.getId(), descriptionOf(changeSet),
                changeSet.getFilePath(), Duration.ofNanos(System.nanoTime() - startedNanos)));
    }
}
