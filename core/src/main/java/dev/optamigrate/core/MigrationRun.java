package dev.optamigrate.core;

import dev.optamigrate.core.analysis.CheckReport;
import dev.optamigrate.core.analysis.MigrationPhase;
import dev.optamigrate.core.connect.Connections;
import dev.optamigrate.core.connect.Hosts;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.error.UnexpectedFailures;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.guard.TrackedDataSource;
import dev.optamigrate.core.journal.Journal;
import dev.optamigrate.core.journal.JournalEntry;
import dev.optamigrate.core.journal.JournalScope;
import dev.optamigrate.core.lock.LockFence;
import dev.optamigrate.core.lock.MigrationLock;
import dev.optamigrate.core.lock.SharedSessionCheck;
import dev.optamigrate.core.lock.StaleSessions;
import dev.optamigrate.core.promotion.AppliedLedger;
import dev.optamigrate.core.promotion.PromotionGate;
import dev.optamigrate.core.release.ContractVerdict;
import dev.optamigrate.core.release.Retirements;
import dev.optamigrate.core.spi.AppliedMigration;
import dev.optamigrate.core.spi.MigrateResult;
import dev.optamigrate.core.spi.MigrationSession;
import dev.optamigrate.core.spi.PendingMigration;
import dev.optamigrate.core.spi.ToolContext;
import dev.optamigrate.core.spi.ToolStatus;
import dev.optamigrate.core.spi.UndoRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One run that changes the schema (migrate, or undo): lock, status, safety check, journal, change, journal,
 * unlock.
 */
final class MigrationRun {
    private final EngineConfiguration configuration;
    /** The codes of a check that refuses the run, as opposed to one that could not be made (a lost connection). */
    private static final Set<ErrorCode> REFUSALS = Set.of(CoreErrorCode.UNSAFE_MIGRATION,
            CoreErrorCode.INVALID_MIGRATIONS, CoreErrorCode.CONTRACT_NOT_READY, CoreErrorCode.OUTSIDE_WINDOW,
            CoreErrorCode.NOT_REHEARSED, CoreErrorCode.CONFIGURATION, CoreErrorCode.UNSUPPORTED);

    private final Connections connections;
    private final EventListener events;
    private final RunAction action;
    private final RunTracker tracker = new RunTracker();
    private final long startedNanos = System.nanoTime();

    MigrationRun(EngineConfiguration configuration, Connections connections, RunAction action) {
        this.configuration = configuration;
        this.connections = connections;
        this.events = configuration.listener();
        this.action = action;
    }

    MigrateResult run() {
        events.on(new MigrationEvent.RunStarted(action.verb(), configuration.tool(), configuration.location(),
                connections.target().describe(), configuration.strategy()));
        try (MigrationLock lock = new MigrationLock(connections.open(), scope());
                Connection work = connections.open()) {
            TrackedDataSource migration = new TrackedDataSource(connections.withSessionSettings(
                    configuration.lockGuard().sessionSettings()));
            ToolContext context = new ToolContext(migration, configuration.location(), events.andThen(tracker),
                    configuration.toolOptions());
            try (MigrationSession session = configuration.tools().byName(configuration.tool()).open(context)) {
                prepare(session);
                lock.acquire(configuration.lockWait(), events);
                SharedSessionCheck.requireOwnSession(lock, work, connections.target());
                StaleSessions.awaitEnd(work, lock, migration.pids(), configuration.lockGuard().reportQueries(),
                        events);
                LockLoss loss = new LockLoss(connections, migration, events);
                try (LockFence fence = LockFence.start(lock, LockFence.EVERY, loss::respond)) {
                    return changeUnderLock(session, work, migration, new Fencing(fence, loss));
                }
            }
        } catch (MigrateException e) {
            events.on(new MigrationEvent.RunFailed(e.getMessage(), e.code().name(), elapsed()));
            throw e;
        } catch (SQLException | RuntimeException e) {
            MigrateException failure = UnexpectedFailures.translate(e);
            events.on(new MigrationEvent.RunFailed(failure.getMessage(), failure.code().name(), elapsed()));
            throw failure;
        }
    }

    /** Fails fast, before waiting for the lock, on what needs no lock to find out: an unsupported undo. */
    private void prepare(MigrationSession session) {
        if (action instanceof RunAction.Undo) {
            session.requireUndo();
        }
    }

    /** The run's lock fence, and what the run does and says when it trips. */
    private record Fencing(LockFence fence, LockLoss loss) {
    }

    private MigrateResult changeUnderLock(MigrationSession session, Connection work, TrackedDataSource migration,
            Fencing fencing) {
        ToolStatus before = session.status();
        events.on(new MigrationEvent.StatusRead(before.current(), before.pending().size()));
        JournalEntry.Start entry = new JournalEntry.Start(action.verb(), configuration.tool(), configuration.strategy(),
                configuration.location(), configuration.release(), before.current(), Hosts.localName(),
                ProcessHandle.current().pid(), configuration.operator(), configuration.policy().person().orElse(null),
                configuration.fleet());
        boolean migrating = action instanceof RunAction.Migrate;
        List<PendingMigration> pending = migrating && !before.pending().isEmpty() ? session.pending() : List.of();
        CheckReport report = pending.isEmpty() ? null : SafetyGate.report(pending, work, configuration.allowList(),
                configuration.lockGuard().enabled());
        List<MigrationPhase> phases = report == null ? List.of() : report.phases();
        Checked checked = refusedOrChecked(session, before, pending, report, work, entry);
        if (!pending.isEmpty()) {
            InterruptedIndexBuilds.dropBeforeMigrating(work, () -> pending, events);
        }
        Journal journal = Journal.open(work, scope());
        long journalId = journal.start(entry);
        new RunOverrides().contracts(checked.contracts(), configuration.contractGate().mode())
                .window(checked.outsideWindow()).rehearsal(checked.skippedRehearsal()).json()
                .ifPresent(json -> journal.overrides(journalId, json));
        try (InterruptedRunHook hook = new InterruptedRunHook(connections, journalId, events, progress(before))) {
            List<AppliedMigration> result = checked.action() instanceof RunAction.Undo undo
                    ? session.undo(undo.request())
                    : new GuardedMigrate(configuration.lockGuard(), events, work, journal, journalId, tracker)
                            .run(session, connections, migration);
            String to = migrating ? lastVersion(result, before.current()) : session.status().current();
            Optional<String> lost = fencing.fence().finalCheck();
            if (lost.isPresent()) {
                throw fencing.loss().failure(lost.get(), result.size(), null);
            }
            recordApplied(work, journalId, phases, pending, scripts(result));
            journal.succeeded(journalId, to, result.size());
            events.on(new MigrationEvent.RunFinished(before.current(), to, result.size(), elapsed(), Instant.now()));
            return new MigrateResult(configuration.tool(), before.current(), to, result, elapsed(), journalId);
        } catch (RuntimeException e) {
            Optional<String> lost = fencing.fence().lost();
            Optional<MigrateException> connectionLost = ConnectionLoss.of(e, tracker.applied().size());
            RuntimeException reported = lost.isPresent() ? lockLost(e, lost.get(), fencing.loss())
                    : connectionLost.isPresent() ? connectionLost.get()
                    : !(e instanceof MigrateException known) ? e
                    : checked.action() instanceof RunAction.Undo undo ? PartialFailures.describeUndo(known,
                            tracker.applied().size(), undo.request(), session)
                    : PartialFailures.describe(known, tracker.failed(), pending);
            String to = migrating || lost.isPresent() || connectionLost.isPresent()
                    ? lastVersion(tracker.applied(), before.current())
                    : PartialFailures.currentVersion(session, before.current());
            if (lost.isPresent()) {
                LockLoss.bound(work);
            }
            try {
                recordApplied(work, journalId, phases, pending, scripts(tracker.applied()));
                journal.failed(journalId, to, tracker.applied().size(), String.valueOf(reported.getMessage()));
            } catch (MigrateException journalFailure) {
                reported.addSuppressed(journalFailure);
            }
            throw reported;
        }
    }

    /**
     * Records what the run applied: the objects its migrations retired and contracted, and each migration with its
     * checksum, the proof a later environment's promotion gate reads.
     */
    private void recordApplied(Connection work, long journalId, List<MigrationPhase> phases,
            List<PendingMigration> pending, List<String> applied) {
        Retirements.recordApplied(work, journalId, configuration.release(), phases, applied);
        AppliedLedger.record(work, journalId, new AppliedLedger.RunIdentity(configuration.tool(),
                configuration.release(), configuration.promotion().environment()), pending, tracker.applied());
    }

    /**
     * What the checks before the change let run.
     *
     * @param action           the action to run: for an undo, its request bounded by what is applied
     * @param contracts        what the contract gate let through
     * @param outsideWindow    why the run starts outside the maintenance windows, when it does
     * @param skippedRehearsal why the run goes on without proof of a rehearsal, when it does
     */
    private record Checked(RunAction action, ContractVerdict contracts, Optional<String> outsideWindow,
            Optional<String> skippedRehearsal) {
    }

    /**
     * The checks that may refuse the run before it changes anything (standby and maintenance windows, the safety
     * gate and the contract gate; for an undo, its bounds and whether the tool can revert every migration it
     * reaches); a refusal is journaled as {@code REFUSED}.
     */
    private Checked refusedOrChecked(MigrationSession session, ToolStatus before, List<PendingMigration> pending,
            CheckReport report, Connection work, JournalEntry.Start entry) {
        try {
            boolean migrating = action instanceof RunAction.Migrate;
            PromotionGate.Verdict promotion = migrating ? PromotionGate.check(configuration.promotion(),
                    configuration.tool(), pending, connections.target(), events) : PromotionGate.Verdict.NOTHING;
            Optional<String> outsideWindow = migrating && pending.isEmpty() ? Optional.empty()
                    : configuration.policy().check(migrating ? Optional.of(pending.stream()
                            .map(PendingMigration::script).toList()) : Optional.empty(), promotion.estimate(), events);
            ContractVerdict contracts = new ContractVerdict(List.of(), Set.of());
            if (report != null) {
                SafetyGate.check(configuration.safety(), report, events);
                contracts = ContractCheck.run(configuration.contractGate(), configuration.release(), report.phases(),
                        work, scope(), events);
            }
            if (!(action instanceof RunAction.Undo undo)) {
                return new Checked(action, contracts, outsideWindow, promotion.skipped());
            }
            UndoRequest revert = undo.request().against(before.applied().size());
            session.checkUndo(revert);
            return new Checked(new RunAction.Undo(revert), contracts, outsideWindow, Optional.empty());
        } catch (MigrateException refused) {
            if (REFUSALS.contains(refused.code())) {
                try {
                    Journal.open(work, scope()).refused(entry, refused.getMessage());
                } catch (MigrateException journalFailure) {
                    refused.addSuppressed(journalFailure);
                }
            }
            throw refused;
        }
    }

    private RuntimeException lockLost(RuntimeException e, String why, LockLoss loss) {
        return e instanceof MigrateException known && known.code() == CoreErrorCode.LOCK_LOST ? e
                : loss.failure(why, tracker.applied().size(), e);
    }

    private static List<String> scripts(List<AppliedMigration> applied) {
        return applied.stream().map(AppliedMigration::script).toList();
    }

    private InterruptedRunHook.Progress progress(ToolStatus before) {
        return new InterruptedRunHook.Progress(tracker::applied, tracker::inFlight, before.current(), this::elapsed);
    }

    /** The newest version among what was applied (repeatable migrations have none), else {@code before}. */
    static String lastVersion(List<AppliedMigration> applied, String before) {
        for (int i = applied.size() - 1; i >= 0; i--) {
            if (applied.get(i).version() != null) {
                return applied.get(i).version();
            }
        }
        return before;
    }

    /** The target's journal scope: a fleet's tenant schema has its own lock and journal rows. */
    private JournalScope scope() {
        return JournalScope.of(connections.target());
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
