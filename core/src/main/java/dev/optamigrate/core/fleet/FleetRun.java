package dev.optamigrate.core.fleet;

import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.connect.ConnectionPool;
import dev.optamigrate.core.connect.Connections;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.error.UnexpectedFailures;
import dev.optamigrate.core.spi.MigrateResult;
import dev.optamigrate.core.target.Target;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * {@code fleet migrate}: migrates every member of a fleet through the engine (its own lock, journal scope, safety
 * gate, lock guard and contract gate), the canary first, then the waves, at most {@link Rollout#perServer()} members
 * of one server at once, on connections they share ({@link ConnectionPool}: a member's run gives its connections
 * back, and the next member's takes them). Once more members failed than the error budget allows, no member starts;
 * those already running finish. A failed member is parked with its reason. The journal rows carry the fleet run's id,
 * so a later invocation with the same id resumes: it skips what is applied (and what is parked, unless asked), and
 * runs the rest.
 */
public final class FleetRun {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final String id;
    private final List<FleetTarget> targets;
    private final Rollout rollout;
    private final Function<Target, Migrator> migrators;
    private final FleetListener listener;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicReference<String> halted = new AtomicReference<>();

    /**
     * @param migrators the engine for one member, configured with the tool, location, settings and this fleet run's
     *                  id ({@link dev.optamigrate.core.MigratorConfiguration#fleet(String)})
     */
    public FleetRun(String id, List<FleetTarget> targets, Rollout rollout, Function<Target, Migrator> migrators,
            FleetListener listener) {
        this.id = id;
        this.targets = List.copyOf(targets);
        this.rollout = rollout;
        this.migrators = migrators;
        this.listener = listener;
    }

    /** A new fleet run's id: when it started, and four random bytes, e.g. {@code fleet-20261202-134501-9f3a0c11}. */
    public static String newId() {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return "fleet-" + ID_TIME.format(Instant.now()) + "-" + HexFormat.of().formatHex(random);
    }

    /** How an invocation stands to the fleet run it names. */
    public enum Start {
        /** A new fleet run: nothing is done yet. */
        NEW,
        /** Goes on with a run an earlier invocation started: the journals must know it. */
        RESUME,
        /** One shard of a run (a pod of its Indexed Job, or its retry): goes on if the journals know it. */
        JOIN
    }

    /**
     * @param start       whether this invocation starts the fleet run, or continues it (the journals say what is done)
     * @param retryParked whether a continued run runs the members an earlier invocation parked
     */
    public FleetReport run(Start start, boolean retryParked) {
        Map<String, JournalRecord> earlier = start == Start.NEW ? Map.of() : FleetJournal.read(id, targets);
        if (start == Start.RESUME && earlier.isEmpty()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "No journal of the listed targets knows fleet run "
                    + id + ".", "Give the id that `fleet migrate` printed when it started, with the same target "
                            + "list; or start a new fleet run without --resume.", null);
        }
        Map<String, TargetOutcome> outcomes = new HashMap<>();
        List<FleetTarget> toRun = new ArrayList<>();
        for (FleetTarget member : targets) {
            JournalRecord record = earlier.get(member.name());
            boolean done = record != null && (record.state() == TargetState.APPLIED
                    || record.state() == TargetState.PARKED && !retryParked);
            if (done) {
                outcomes.put(member.name(), TargetOutcome.earlier(member.name(), record));
            } else {
                toRun.add(member);
            }
        }
        runPhases(toRun, outcomes);
        List<TargetOutcome> ordered = targets.stream().map(member -> outcomes.getOrDefault(member.name(),
                TargetOutcome.untouched(member.name()))).toList();
        return new FleetReport(id, ordered, Optional.ofNullable(halted.get()));
    }

    private void runPhases(List<FleetTarget> toRun, Map<String, TargetOutcome> outcomes) {
        AtomicInteger finished = new AtomicInteger();
        try (PerServer servers = new PerServer(rollout.perServer());
                ConnectionPool pool = new ConnectionPool(Connections.applicationName())) {
            for (Rollout.Phase phase : rollout.phases(targets)) {
                List<FleetTarget> members = phase.members().stream().filter(toRun::contains).toList();
                if (halted.get() != null || members.isEmpty()) {
                    continue;
                }
                listener.phaseStarted(phase, members.size());
                Set<String> missing = TenantSchemas.missing(members);
                servers.map(members, member -> {
                    if (halted.get() != null) {
                        return null;
                    }
                    TargetOutcome outcome = migrate(member, missing.contains(member.name()), pool);
                    synchronized (outcomes) {
                        outcomes.put(member.name(), outcome);
                    }
                    listener.targetFinished(outcome, finished.incrementAndGet(), toRun.size());
                    return outcome;
                });
            }
        }
    }

    /**
     * @param createSchema whether the member's schema must be created first
     * @param pool         the connections the members of the run share
     */
    private TargetOutcome migrate(FleetTarget member, boolean createSchema, ConnectionPool pool) {
        long start = System.nanoTime();
        try {
            if (createSchema) {
                TenantSchemas.ensure(member.target(), member.target().schema().orElseThrow());
            }
            MigrateResult result = migrators.apply(member.target()).migrate(pool);
            return new TargetOutcome(member.name(), TargetState.APPLIED, result.from(), result.to(),
                    result.applied().size(), since(start), null);
        } catch (MigrateException e) {
            return failed(member, e, start);
        } catch (RuntimeException e) {
            return failed(member, UnexpectedFailures.translate(e), start);
        }
    }

    /**
     * A member whose lock another run holds is left locked, for a later invocation; any other failure parks it and
     * counts against the error budget.
     */
    private TargetOutcome failed(FleetTarget member, MigrateException e, long start) {
        if (e.code() == CoreErrorCode.LOCK_TIMEOUT) {
            return new TargetOutcome(member.name(), TargetState.LOCKED, null, null, 0, since(start), e.getMessage());
        }
        int failed = failures.incrementAndGet();
        if (failed > rollout.maxFailures() && halted.compareAndSet(null, failed + " target(s) failed, more than "
                + "--max-failures " + rollout.maxFailures() + " allows; the last was " + member.name() + ": "
                + e.getMessage())) {
            listener.halted(halted.get());
        }
        return new TargetOutcome(member.name(), TargetState.PARKED, null, null, 0, since(start), e.getMessage());
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
