package dev.optamigrate.core;

import dev.optamigrate.core.analysis.CheckReport;
import dev.optamigrate.core.analysis.MigrationPhase;
import dev.optamigrate.core.analysis.PendingScripts;
import dev.optamigrate.core.analysis.StaticCheck;
import dev.optamigrate.core.connect.ConnectionPool;
import dev.optamigrate.core.connect.Connections;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.journal.Journal;
import dev.optamigrate.core.journal.JournalEntry;
import dev.optamigrate.core.journal.JournalScope;
import dev.optamigrate.core.promotion.AppliedLedger;
import dev.optamigrate.core.promotion.AppliedRecord;
import dev.optamigrate.core.release.ContractGate;
import dev.optamigrate.core.release.ContractVerdict;
import dev.optamigrate.core.release.ReleaseHistory;
import dev.optamigrate.core.release.ReleaseStatus;
import dev.optamigrate.core.spi.MigrateResult;
import dev.optamigrate.core.spi.MigrationSession;
import dev.optamigrate.core.spi.PendingMigration;
import dev.optamigrate.core.spi.TargetMigrator;
import dev.optamigrate.core.spi.ToolContext;
import dev.optamigrate.core.spi.ToolStatus;
import dev.optamigrate.core.spi.UndoRequest;
import dev.optamigrate.core.spi.ValidationResult;
import dev.optamigrate.core.target.Target;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The engine's facade. Configure it fluently, then {@link MigratorConfiguration#load()}:
 *
 * <pre>{@code
 * MigrateResult result = Migrator.configure()
 *         .target(target)
 *         .location("classpath:db/migration")
 *         .load()
 *         .migrate();
 * }</pre>
 *
 * {@link #migrate()} (and {@link #undo(UndoRequest)}) connects, takes the migration lock, opens a journal row, reads
 * the status, applies what is
 * pending with one event per migration, closes the journal row and releases the lock. {@link #status()},
 * {@link #pending()} and {@link #validate()} only read, and take no lock.
 */
public final class Migrator implements TargetMigrator {
    private final EngineConfiguration configuration;

    Migrator(EngineConfiguration configuration) {
        this.configuration = configuration;
    }

    public static MigratorConfiguration configure() {
        return new MigratorConfiguration();
    }

    /** The tool's name, given or detected from the location. */
    @Override
    public String tool() {
        return configuration.tool();
    }

    /** Whether migrate runs under the lock guard (a {@code lock_timeout} on every migration connection). */
    public boolean lockGuarded() {
        return configuration.lockGuard().enabled();
    }

    @Override
    public MigrateResult migrate() {
        return new MigrationRun(configuration, connections(), new RunAction.Migrate()).run();
    }

    /**
     * Applies pending migrations on connections from the pool, which the runs of a fleet share; otherwise as
     * {@link #migrate()}.
     */
    public MigrateResult migrate(ConnectionPool pool) {
        return new MigrationRun(configuration, pool.connections(configuration.target()), new RunAction.Migrate())
                .run();
    }

    /**
     * Reverts applied migrations under the lock, where the tool supports it (Liquibase by count or tag, MyBatis
     * by count).
     *
     * @throws dev.optamigrate.core.error.MigrateException {@code UNSUPPORTED} for a tool without undo
     */
    public MigrateResult undo(UndoRequest request) {
        return new MigrationRun(configuration, connections(), new RunAction.Undo(request)).run();
    }

    public ToolStatus status() {
        return read(MigrationSession::status);
    }

    @Override
    public List<PendingMigration> pending() {
        return read(MigrationSession::pending);
    }

    /**
     * The static check of the pending migrations, for {@code pgVersion} or else the server's version, with the
     * opt-in style rules when {@code styleRules}.
     */
    public CheckReport check(OptionalInt pgVersion, boolean styleRules) {
        List<PendingMigration> pending = pending();
        int version = pgVersion.isPresent() ? pgVersion.getAsInt() : serverMajorVersion();
        return configuration.allowList().apply(StaticCheck.asOneHistory(version)
                .underLockGuard(configuration.lockGuard().enabled()).withStyleRules(styleRules)
                .check(PendingScripts.of(pending)));
    }

    /**
     * The pending migrations' phases, what is retired and not yet contracted, and why each pending contract is not
     * ready, judged for this configuration's release and running releases. Reads only.
     */
    public ReleaseStatus releaseStatus() {
        List<PendingMigration> pending = pending();
        return readJournal(configuration.target(), connection -> {
            List<MigrationPhase> phases = pending.isEmpty() ? List.of()
                    : StaticCheck.asOneHistory(PendingScripts.serverMajorVersion(connection))
                            .check(PendingScripts.of(pending)).phases();
            ReleaseHistory history = ReleaseHistory.read(connection, JournalScope.of(configuration.target()));
            ContractVerdict verdict = ContractGate.judge(phases,
                    configuration.contractGate().context(configuration.release()), history);
            return new ReleaseStatus(phases, history.notContracted(), verdict.notReady());
        });
    }

    /**
     * The journal's runs on a target, oldest first; none when no run was recorded yet. Reads only, takes no lock,
     * and needs no tool.
     */
    public static List<JournalEntry> history(Target target) {
        return readJournal(target, connection -> Journal.read(connection, JournalScope.of(target)));
    }

    /**
     * The migrations the target applied, each with its checksum, release, environment and duration, oldest first:
     * what a receipt carries. Reads only, takes no lock, and needs no tool.
     */
    public static List<AppliedRecord> applied(Target target) {
        return readJournal(target, connection -> AppliedLedger.read(connection, JournalScope.of(target)));
    }

    /** What a read of the journal's tables needs: a connection, which it may not keep. */
    private interface JournalRead<T> {
        T from(Connection connection) throws SQLException;
    }

    /** Reads the journal's tables on a connection of its own, closed after. */
    private static <T> T readJournal(Target target, JournalRead<T> read) {
        try (Connection connection = new Connections(target, Connections.applicationName()).open()) {
            return read.from(connection);
        } catch (SQLException e) {
            throw new MigrateException(CoreErrorCode.CANNOT_CONNECT, "Lost the connection while reading the journal: "
                    + e.getMessage(), e);
        }
    }

    public ValidationResult validate() {
        return read(MigrationSession::validate);
    }

    private <T> T read(Function<MigrationSession, T> action) {
        Connections connections = connections();
        checkReachable(connections);
        ToolContext context = new ToolContext(connections.dataSource(), configuration.location(),
                configuration.listener(), configuration.toolOptions());
        try (MigrationSession session = configuration.tools().byName(configuration.tool()).open(context)) {
            return action.apply(session);
        }
    }

    private int serverMajorVersion() {
        try (Connection connection = connections().open()) {
            return PendingScripts.serverMajorVersion(connection);
        } catch (SQLException e) {
            throw new MigrateException(CoreErrorCode.CANNOT_CONNECT, "Lost the connection while reading the server's "
                    + "version: " + e.getMessage(), e);
        }
    }

    private Connections connections() {
        return new Connections(configuration.target(), Connections.applicationName());
    }

    /** Fails with a clear connection error before a tool wraps it in its own words. */
    private static void checkReachable(Connections connections) {
        try (Connection ignored = connections.open()) {
            // connecting is the check
        } catch (SQLException e) {
            // closing failed: the connection was made, which is all this checks
        }
    }
}
