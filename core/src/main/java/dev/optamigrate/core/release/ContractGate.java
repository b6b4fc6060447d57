package dev.optamigrate.core.release;

import dev.optamigrate.core.analysis.MigrationPhase;
import dev.optamigrate.core.analysis.Phase;
import dev.optamigrate.core.journal.JournalEntry;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The 3-point migration's third step, enforced: a contract on X is ready only when an earlier release retired X,
 * no server runs a release from before that retirement, and no run since it failed or was rolled back.
 */
public final class ContractGate {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final ReleaseContext context;
    private final ReleaseHistory history;
    private final List<String> retiredThisRun = new ArrayList<>();
    private final Set<String> trusted = new LinkedHashSet<>();

    private ContractGate(ReleaseContext context, ReleaseHistory history) {
        this.context = context;
        this.history = history;
    }

    /** Judges the contracts among the pending migrations, in the order they would run. */
    public static ContractVerdict judge(List<MigrationPhase> pending, ReleaseContext context,
            ReleaseHistory history) {
        ContractGate gate = new ContractGate(context, history);
        List<Contract> notReady = new ArrayList<>();
        for (MigrationPhase migration : pending) {
            gate.retiredThisRun.addAll(migration.retires());
            if (migration.phase() == Phase.CONTRACT) {
                notReady.addAll(gate.notReady(migration));
            }
        }
        return new ContractVerdict(notReady, gate.trusted);
    }

    private List<Contract> notReady(MigrationPhase migration) {
        List<Contract> notReady = new ArrayList<>();
        if (migration.contracts().isEmpty()) {
            notReady.add(new Contract(migration.file(), "-", 1, "-- opta-migrate:phase contract", "it is declared "
                    + "a contract but names nothing it removes, so no retirement can cover it; name it: -- "
                    + "opta-migrate:phase contract table[.column]", migration.accepted().get(1)));
        }
        for (MigrationPhase.Contracted contracted : migration.contracts()) {
            List<String> reasons = reasons(contracted.object());
            if (!reasons.isEmpty()) {
                notReady.add(new Contract(migration.file(), contracted.object(), contracted.line(),
                        contracted.statement(), String.join("; ", reasons),
                        migration.accepted().get(contracted.line())));
            }
        }
        return notReady;
    }

    private List<String> reasons(String object) {
        if (context.release() == null) {
            return List.of(object + " is contracted by a run that names no release, so the gate cannot tell this "
                    + "release from the one that retired it; give --release (the job and shell strategies give the "
                    + "image)");
        }
        List<Retirement> covering = history.covering(object);
        Optional<Retirement> earlier = covering.stream().filter(retirement -> retirement.release() != null
                && !retirement.release().equals(context.release())).findFirst();
        if (earlier.isEmpty()) {
            return List.of(notRetired(object, covering));
        }
        Retirement retirement = earlier.get();
        String retired = object + " was retired by release " + retirement.release() + " ("
                + DAY.format(retirement.retiredAt()) + ")";
        List<String> reasons = new ArrayList<>();
        if (context.running().isEmpty()) {
            reasons.add(retired + ", but which releases serve traffic now is not known; give --running-release for "
                    + "each one, or --service with the job, shell or external strategy");
        }
        for (RunningRelease running : context.running().orElse(List.of())) {
            olderThan(retirement, running).ifPresent(why -> reasons.add(retired + "; " + why));
        }
        for (JournalEntry failed : history.failedAfter(retirement.journalId())) {
            reasons.add(retired + "; since then run #" + failed.id() + " (release " + failed.release() + ", "
                    + DAY.format(failed.startedAt()) + ") " + ("undo".equals(failed.action()) ? "rolled migrations "
                    + "back" : "ended " + failed.status()) + ", so servers may be back on a release that uses it");
        }
        return reasons;
    }

    private String notRetired(String object, List<Retirement> covering) {
        if (covering.stream().anyMatch(retirement -> context.release().equals(retirement.release()))
                || retiredThisRun.stream().anyMatch(retired -> MigrationPhase.covers(retired, object))) {
            return object + " is retired by release " + context.release() + ", the one migrating now: expand and "
                    + "contract never ship in the same release; contract it in a later one";
        }
        if (!covering.isEmpty()) {
            return object + " was retired by run #" + covering.get(0).journalId() + ", which named no release, so "
                    + "the gate cannot tell which servers predate it; retire it again with --release given";
        }
        return object + " was never retired: a migration of an earlier release must say -- opta-migrate:retire "
                + object;
    }

    /** Why the running release predates the retirement, if it does. */
    private Optional<String> olderThan(Retirement retirement, RunningRelease running) {
        if (running.release().equals(retirement.release()) || running.release().equals(context.release())) {
            return Optional.empty();
        }
        Optional<JournalEntry> seen = history.firstSeen(running.release());
        if (seen.isEmpty()) {
            if (context.trustUnknown()) {
                trusted.add(running.release());
                return Optional.empty();
            }
            return Optional.of(running.stillRuns() + ", a release the journal has never seen, so it counts as "
                    + "older (--trust-unknown-releases lets it through)");
        }
        return seen.get().id() < retirement.journalId() ? Optional.of(running.stillRuns()) : Optional.empty();
    }
}
