package dev.optamigrate.tool.mybatis;

import dev.optamigrate.core.error.Causes;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.spi.AppliedMigration;
import dev.optamigrate.core.spi.MigrationInfo;
import dev.optamigrate.core.spi.MigrationSession;
import dev.optamigrate.core.spi.MigrationState;
import dev.optamigrate.core.spi.PendingMigration;
import dev.optamigrate.core.spi.ToolStatus;
import dev.optamigrate.core.spi.UndoRequest;
import dev.optamigrate.core.spi.ValidationResult;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.ibatis.migration.Change;
import org.apache.ibatis.migration.ConnectionProvider;
import org.apache.ibatis.migration.FileMigrationLoader;
import org.apache.ibatis.migration.MigrationException;
import org.apache.ibatis.migration.operations.BootstrapOperation;
import org.apache.ibatis.migration.operations.DownOperation;
import org.apache.ibatis.migration.operations.StatusOperation;
import org.apache.ibatis.migration.operations.UpOperation;
import org.apache.ibatis.migration.options.DatabaseOperationOption;

/**
 * MyBatis Migrations on one database and one scripts directory. MyBatis keeps no lock of its own: it is safe
 * only under opta-migrate's lock. As MyBatis users expect, the first script creates the changelog table
 * ({@code migrate init} generates it); {@code bootstrap.sql}, when present, runs before the first migration, and
 * is listed first among the pending migrations of an empty database, so that dry runs, checks and rehearsals see
 * it.
 */
final class MyBatisSession implements MigrationSession {
    /** The script MyBatis runs before the first migration of an empty database. */
    private static final String BOOTSTRAP = "bootstrap.sql";
    private static final DateTimeFormatter APPLIED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ConnectionProvider connections;
    private final FileMigrationLoader loader;
    private final DatabaseOperationOption options;
    private final EventListener events;
    private final ScriptBoundaries scripts;
    private final boolean hasBootstrap;
    /** What the last status read found; pending() reuses it until a migrate or undo changes the schema. */
    private ToolStatus lastRead;

    /**
     * @param scripts told as each script starts and ends ({@link ScriptCommits}, so that it commits with its
     *                changelog row)
     */
    MyBatisSession(ConnectionProvider connections, MyBatisLayout layout, EventListener events,
            ScriptBoundaries scripts) {
        this.connections = connections;
        this.scripts = scripts;
        this.loader = new FileMigrationLoader(new File(layout.scriptsDirectory().toString()), layout.charset(),
                layout.variables());
        this.options = layout.options();
        this.events = events;
        this.hasBootstrap = Files.isRegularFile(layout.scriptsDirectory().resolve(BOOTSTRAP));
    }

    @Override
    public ToolStatus status() {
        lastRead = snapshot().status();
        return lastRead;
    }

    /** The status, and the scripts older than the current version that were never applied. */
    private record Snapshot(ToolStatus status, List<MigrationInfo> ignored) {
    }

    private Snapshot snapshot() {
        List<Change> changes = attempt(() -> new StatusOperation().operate(connections, loader, options, null))
                .getCurrentStatus();
        Set<Change> inSource = new HashSet<>(loader.getMigrations());
        Change last = changes.stream().filter(change -> change.getAppliedTimestamp() != null)
                .reduce((first, second) -> second).orElse(null);
        List<MigrationInfo> applied = new ArrayList<>();
        List<MigrationInfo> pending = new ArrayList<>();
        List<MigrationInfo> ignored = new ArrayList<>();
        for (Change change : changes) {
            if (change.getAppliedTimestamp() != null) {
                applied.add(info(change, inSource.contains(change) ? MigrationState.APPLIED : MigrationState.MISSING));
            } else if (last == null || change.compareTo(last) > 0) {
                pending.add(info(change, MigrationState.PENDING));
            } else {
                ignored.add(info(change, MigrationState.IGNORED));
            }
        }
        return new Snapshot(new ToolStatus(MyBatisTool.NAME, last == null ? null : versionOf(last), applied, pending,
                List.of()), ignored);
    }

    @Override
    public List<PendingMigration> pending() {
        ToolStatus status = lastRead != null ? lastRead : status();
        Set<String> pendingVersions = new HashSet<>();
        status.pending().forEach(info -> pendingVersions.add(info.version()));
        List<PendingMigration> pending = new ArrayList<>();
        if (hasBootstrap && status.applied().isEmpty() && !pendingVersions.isEmpty()) {
            pending.add(new PendingMigration(null, "bootstrap", BOOTSTRAP, bootstrapText().orElse(""),
                    !options.isAutoCommit()));
        }
        loader.getMigrations().stream().filter(change -> pendingVersions.contains(versionOf(change)))
                .map(change -> new PendingMigration(versionOf(change), change.getDescription(), change.getFilename(),
                        script(change), !options.isAutoCommit()))
                .forEach(pending::add);
        return pending;
    }

    @Override
    public List<AppliedMigration> migrate() {
        List<PendingMigration> pending = pending();
        lastRead = null;
        pending.stream().filter(migration -> migration.version() != null).findFirst().ifPresent(first ->
                ChangelogTableCheck.require(connections, options.getChangelogTable(), bootstrapText(), first.script(),
                        first.sql()));
        if (options.isAutoCommit() && !pending.isEmpty()) {
            events.on(new MigrationEvent.Warning("auto_commit=true: every statement of a script commits on its own, "
                    + "so a script that fails half-way stays half-applied and is not recorded."));
        }
        if (hasBootstrap) {
            attempt(() -> new BootstrapOperation().operate(connections, loader, options, null));
        }
        MyBatisEvents hook = new MyBatisEvents(events, scripts);
        try {
            new UpOperation().operate(connections, loader, options, null, hook);
        } catch (MigrationException e) {
            throw failure(hook.reportFailure(), e);
        }
        return hook.done();
    }

    @Override
    public ValidationResult validate() {
        Snapshot snapshot = snapshot();
        List<String> problems = new ArrayList<>();
        for (MigrationInfo info : snapshot.status().applied()) {
            if (info.state() == MigrationState.MISSING) {
                problems.add("Script " + info.version() + " (" + info.description() + ") was applied, but its file "
                        + "is gone from scripts/.");
            }
        }
        snapshot.ignored().forEach(info -> problems.add("Script " + info.script() + " was never applied "
                + "and is older than the current version: MyBatis will never apply it."));
        return new ValidationResult(problems);
    }

    @Override
    public void requireUndo() {
        // this tool undoes; checkUndo judges each request
    }

    @Override
    public void checkUndo(UndoRequest request) {
        if (request.tag() != null) {
            throw noTags();
        }
        MyBatisUndoCheck.check((lastRead != null ? lastRead : status()).applied(), request.steps(), loader);
    }

    @Override
    public List<AppliedMigration> undo(UndoRequest request) {
        lastRead = null;
        if (request.tag() != null) {
            throw noTags();
        }
        MyBatisEvents hook = new MyBatisEvents(events, scripts);
        try {
            new DownOperation(request.steps()).operate(connections, loader, options, null, hook);
        } catch (MigrationException e) {
            throw failure(hook.reportFailure(), e);
        }
        return hook.done();
    }

    private Optional<String> bootstrapText() {
        if (!hasBootstrap) {
            return Optional.empty();
        }
        try (Reader reader = loader.getBootstrapReader()) {
            StringWriter text = new StringWriter();
            reader.transferTo(text);
            return Optional.of(text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MigrateException noTags() {
        return new MigrateException(CoreErrorCode.UNSUPPORTED, "MyBatis Migrations has no tags to roll back to.",
                "Undo a number of scripts with --steps N instead.", null);
    }

    static String versionOf(Change change) {
        return change.getId().toPlainString();
    }

    private String script(Change change) {
        try (Reader reader = loader.getScriptReader(change, false)) {
            StringWriter text = new StringWriter();
            reader.transferTo(text);
            return text.toString().strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MigrationInfo info(Change change, MigrationState state) {
        return new MigrationInfo(versionOf(change), change.getDescription(), change.getFilename(), state,
                change.getAppliedTimestamp() == null ? null : LocalDateTime.parse(change.getAppliedTimestamp(),
                        APPLIED_AT).atZone(ZoneId.systemDefault()).toInstant());
    }

    private static MigrateException failure(Change failing, MigrationException e) {
        Throwable cause = Causes.root(e);
        String where = failing == null ? "MyBatis Migrations failed" : "Script " + failing.getFilename() + " failed";
        String detail = String.valueOf(e.getMessage()).replace("Error executing command.  Cause: ", "")
                .replace("java.lang.RuntimeException: ", "").replace("org.postgresql.util.PSQLException: ", "");
        return new MigrateException(CoreErrorCode.MIGRATION_FAILED, where + ":\n  " + detail.strip()
                .replace("\n", "\n  "), hintFor(cause), e);
    }

    private static String hintFor(Throwable cause) {
        String message = String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("changelog") && message.contains("does not exist")
                ? "MyBatis records applied scripts in the CHANGELOG table, which the first script must create "
                        + "(as `migrate init` generates it)."
                : null;
    }

    private static <T> T attempt(java.util.function.Supplier<T> operation) {
        try {
            return operation.get();
        } catch (MigrationException e) {
            throw failure(null, e);
        }
    }
}
