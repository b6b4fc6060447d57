package dev.optamigrate.tool.liquibase;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.spi.AppliedMigration;
import dev.optamigrate.core.spi.MigrationInfo;
import dev.optamigrate.core.spi.MigrationSession;
import dev.optamigrate.core.spi.MigrationState;
import dev.optamigrate.core.spi.PendingMigration;
import dev.optamigrate.core.spi.ToolOptions;
import dev.optamigrate.core.spi.ToolStatus;
import dev.optamigrate.core.spi.UndoRequest;
import dev.optamigrate.core.spi.ValidationResult;
import dev.optamigrate.core.tool.ProjectClassLoader;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import liquibase.ChecksumVersion;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.FastCheckService;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.filter.LabelChangeSetFilter;
import liquibase.command.CommandScope;
import liquibase.command.core.RollbackCommandStep;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.ValidateCommandStep;
import liquibase.database.Database;
import liquibase.exception.CommandExecutionException;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ResourceAccessor;

/** Liquibase on one database and one changelog. */
final class LiquibaseSession implements MigrationSession {
    private final Database database;
    private final LiquibaseChangelog changelog;
    private final EventListener events;
    private final LiquibaseScope scope;
    private final ToolOptions options;
    /** What the last status read found; pending() reuses it until a migrate or undo changes the schema. */
    private ToolStatus lastRead;
    /** The history table's changesets (oldest first) and the changelog's, from the last status read. */
    private List<RanChangeSet> lastRan = List.of();
    private List<ChangeSet> lastParsed = List.of();
    /** The changesets the last status read found pending, in the order update runs them. */
    private List<ChangeSet> lastPending = List.of();

    LiquibaseSession(Database database, LiquibaseChangelog changelog, EventListener events, ToolOptions options) {
        this.database = database;
        this.changelog = changelog;
        this.events = events;
        this.options = options;
        this.scope = new LiquibaseScope(changelog.searchPath(), ProjectClassLoader.of(options.classpath()),
                !options.classpath().isEmpty() || changelog.onClasspath());
    }

    /**
     * Reads the changelog and the history table only: unlike Liquibase's own status, it neither creates tables
     * nor waits on Liquibase's lock row, so it works beside a running (or a killed) migration.
     */
    @Override
    public ToolStatus status() {
        lastRead = readStatus();
        return lastRead;
    }

    private ToolStatus readStatus() {
        return call(() -> {
            ResourceAccessor accessor = Scope.getCurrentScope().getResourceAccessor();
            List<ChangeSet> changeSets = ChangeLogParserFactory.getInstance().getParser(changelog.file(), accessor)
                    .parse(changelog.file(), new ChangeLogParameters(database), accessor).getChangeSets();
            List<RanChangeSet> ran = new ArrayList<>(ChangeLogHistoryServiceFactory.getInstance()
                    .getChangeLogService(database).getRanChangeSets());
            ran.sort(Comparator.comparing(RanChangeSet::getOrderExecuted,
                    Comparator.nullsFirst(Comparator.naturalOrder())));
            lastRan = List.copyOf(ran);
            lastParsed = List.copyOf(changeSets);
            List<MigrationInfo> applied = new ArrayList<>();
            for (RanChangeSet changeSet : ran) {
                boolean known = changeSets.stream().anyMatch(changeSet::isSameAs);
                applied.add(new MigrationInfo(changeSet.getId(), describe(changeSet), changeSet.getChangeLog(),
                        known ? MigrationState.APPLIED : MigrationState.MISSING,
                        changeSet.getDateExecuted() == null ? null : changeSet.getDateExecuted().toInstant()));
            }
            lastPending = changeSets.stream().filter(this::selected)
                    .filter(changeSet -> ran.stream().noneMatch(done -> done.isSameAs(changeSet)))
                    .toList();
            List<MigrationInfo> pending = lastPending.stream()
                    .map(changeSet -> new MigrationInfo(changeSet.getId(), LiquibaseEvents.descriptionOf(changeSet),
                            changeSet.getFilePath(), MigrationState.PENDING, null))
                    .toList();
            String current = ran.isEmpty() ? null : ran.get(ran.size() - 1).getId();
            return new ToolStatus(LiquibaseTool.NAME, current, applied, pending, List.of());
        });
    }

    /**
     * The pending changesets with the SQL Liquibase's generators make of them, as {@code update-sql} would print
     * it; neither the history nor Liquibase's lock row is touched.
     */
    @Override
    public List<PendingMigration> pending() {
        if (lastRead == null) {
            status();
        }
        return call(() -> lastPending.stream().map(changeSet -> new PendingMigration(changeSet.getId(),
                LiquibaseEvents.descriptionOf(changeSet), changeSet.getFilePath(), ChangeSetSql.of(changeSet,
                        database), changeSet.isRunInTransaction(),
                changeSet.generateCheckSum(ChecksumVersion.latest()).toString())).toList());
    }

    /**
     * Liquibase's update, after clearing its "up to date" cache: Liquibase remembers in the process that a
     * changelog was up to date, and trusts that even after a rollback (ours, or another process's), which would
     * make the update skip what was reverted.
     */
    @Override
    public List<AppliedMigration> migrate() {
        lastRead = null;
        call(() -> {
            Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
            return null;
        });
        releaseStaleLock();
        LiquibaseEvents listener = new LiquibaseEvents(events);
        run(listener, filtered(command(UpdateCommandStep.COMMAND_NAME)).addArgumentValue("changeExecListener",
                listener));
        return listener.done();
    }

    @Override
    public ValidationResult validate() {
        try {
            scope.call(() -> command(ValidateCommandStep.COMMAND_NAME).execute());
            return new ValidationResult(List.of());
        } catch (Exception e) {
            if (LiquibaseFailures.unreadableChangelog(e) != null) {
                throw LiquibaseFailures.translate(e, null);
            }
            return new ValidationResult(LiquibaseFailures.problems(e));
        }
    }

    @Override
    public void requireUndo() {
        // this tool undoes; checkUndo judges each request
    }

    @Override
    public void checkUndo(UndoRequest request) {
        if (lastRead == null) {
            status();
        }
        if (request.tag() != null && !call(() -> database.doesTagExist(request.tag()))) {
            throw unknownTag(request.tag());
        }
        LiquibaseUndoCheck.check(request, lastRan, lastParsed, database);
    }

    @Override
    public List<AppliedMigration> undo(UndoRequest request) {
        lastRead = null;
        releaseStaleLock();
        if (request.tag() != null && !call(() -> database.doesTagExist(request.tag()))) {
            throw unknownTag(request.tag());
        }
        LiquibaseEvents listener = new LiquibaseEvents(events);
        CommandScope rollback = request.tag() != null
                ? command(RollbackCommandStep.COMMAND_NAME).addArgumentValue("tag", request.tag())
                : command(RollbackCountCommandStep.COMMAND_NAME).addArgumentValue("count", request.steps());
        run(listener, rollback.addArgumentValue("changeExecListener", listener));
        return listener.done();
    }

    private static MigrateException unknownTag(String tag) {
        return new MigrateException(CoreErrorCode.CONFIGURATION, "No tag '" + tag
                + "' in Liquibase's DATABASECHANGELOG. "
                + "Nothing was reverted.", "Give a tag that a changeset or `liquibase tag` recorded, or revert a "
                        + "number of changesets with --steps N.", null);
    }

    @Override
    public void close() {
        try {
            database.close();
        } catch (Exception e) {
            // the connection is gone already; nothing is left to release
        }
    }

    /**
     * Liquibase's own lock row stays taken when a run is killed. opta-migrate calls this only while it holds its
     * advisory lock, so no other opta-migrate run can own that row: a taken row is stale.
     */
    private void releaseStaleLock() {
        call(() -> {
            LockService locks = LockServiceFactory.getInstance().getLockService(database);
            DatabaseChangeLogLock[] stale = locks.listLocks();
            if (stale.length > 0) {
                locks.forceReleaseLock();
                events.on(new MigrationEvent.Warning("Released Liquibase's stale DATABASECHANGELOGLOCK row (taken by "
                        + stale[0].getLockedBy() + " at " + stale[0].getLockGranted().toInstant()
                        + "): while opta-migrate holds its lock, no other run can own it."));
            }
            return null;
        });
    }

    private void run(LiquibaseEvents listener, CommandScope command) {
        try {
            scope.call(() -> command.setOutput(OutputStream.nullOutputStream()).execute());
        } catch (Exception e) {
            throw LiquibaseFailures.translate(e, listener.failedChangeSet());
        }
    }

    /** Whether a changeset runs on this database with the configured contexts and labels, as update decides. */
    private boolean selected(ChangeSet changeSet) {
        return new DbmsChangeSetFilter(database).accepts(changeSet).isAccepted()
                && new ContextChangeSetFilter(new Contexts(options.contexts())).accepts(changeSet).isAccepted()
                && new LabelChangeSetFilter(new LabelExpression(options.labels())).accepts(changeSet).isAccepted();
    }

    /** The command with the configured contexts and labels, for the commands that apply changesets. */
    private CommandScope filtered(CommandScope command) {
        if (options.contexts() != null) {
            command.addArgumentValue("contexts", options.contexts());
        }
        if (options.labels() != null) {
            command.addArgumentValue("labelFilter", options.labels());
        }
        return command;
    }

    private CommandScope command(String[] name) {
        try {
            return new CommandScope(name).addArgumentValue("database", database)
                    .addArgumentValue("changelogFile", changelog.file());
        } catch (CommandExecutionException e) {
            throw LiquibaseFailures.translate(e, null);
        }
    }

    private static String describe(RanChangeSet changeSet) {
        String comments = changeSet.getComments();
        return comments != null && !comments.isBlank() ? comments.strip() : changeSet.getDescription();
    }

    private <T> T call(Scope.ScopedRunnerWithReturn<T> work) {
        try {
            return scope.call(work);
        } catch (Exception e) {
            throw LiquibaseFailures.translate(e, null);
        }
    }
}
