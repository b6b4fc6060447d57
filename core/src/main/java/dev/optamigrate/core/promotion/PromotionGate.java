package dev.optamigrate.core.promotion;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.policy.Estimate;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.spi.PendingMigration;
import dev.optamigrate.core.target.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Staging first: a target that requires a rehearsal runs its pending migrations only when each one succeeded, with
 * the same checksum, on the environment it names. Checked under the lock, before anything changes.
 */
public final class PromotionGate {
    private PromotionGate() {
    }

    /**
     * What the gate let through.
     *
     * @param skipped  why the run goes on without proof for some migrations, when it does
     * @param estimate the rehearsal's durations of the pending migrations, when it applied every one of them
     */
    public record Verdict(Optional<String> skipped, Optional<Estimate> estimate) {
        /** Nothing required and no proof at hand, or nothing pending. */
        public static final Verdict NOTHING = new Verdict(Optional.empty(), Optional.empty());
    }

    /**
     * @param self the target, which must not be its own rehearsal
     * @throws MigrateException {@code NOT_REHEARSED} when a pending migration has no proof and no reason to skip
     *                          was given
     */
    public static Verdict check(PromotionOptions options, String tool, List<PendingMigration> pending, Target self,
            EventListener events) {
        if (pending.isEmpty() || options.required() == null && !options.hasProof()) {
            return Verdict.NOTHING;
        }
        if (!options.hasProof()) {
            return new Verdict(skipped(options, "This target requires a rehearsal on " + options.required() + " ("
                    + CoreSetting.REQUIRE_REHEARSAL.key() + "), and no proof was given: neither "
                    + CoreSetting.REHEARSAL_URL.key() + " nor " + CoreSetting.REHEARSAL_RECEIPT.key() + ".", events),
                    Optional.empty());
        }
        Proof proof = Proof.load(options, self);
        Optional<Estimate> estimate = estimate(proof, tool, pending);
        if (options.required() == null) {
            return new Verdict(Optional.empty(), estimate);
        }
        List<String> unproven = new ArrayList<>();
        for (PendingMigration migration : pending) {
            missingProof(proof, tool, migration, options.required()).ifPresent(why -> unproven.add("  - "
                    + AppliedRecord.nameOf(migration) + ": " + why));
        }
        if (unproven.isEmpty()) {
            events.on(new MigrationEvent.Progress("Promotion gate: the " + pending.size() + " pending migration(s) "
                    + "succeeded on " + options.required() + " with the same checksums (from " + proof.source()
                    + ")."));
            return new Verdict(Optional.empty(), estimate);
        }
        return new Verdict(skipped(options, unproven.size() + " of " + pending.size() + " pending migration(s) have "
                + "no proof of a rehearsal on " + options.required() + " (from " + proof.source() + "):"
                + System.lineSeparator() + String.join(System.lineSeparator(), unproven), events), estimate);
    }

    private static Optional<String> missingProof(Proof proof, String tool, PendingMigration migration,
            String environment) {
        List<AppliedRecord> same = proof.migrations().stream().filter(record -> record.sameMigration(tool, migration))
                .toList();
        if (same.isEmpty()) {
            return Optional.of("never applied on " + environment);
        }
        if (same.stream().noneMatch(record -> record.sameContent(tool, migration))) {
            return Optional.of("its file changed after " + environment + " applied it (checksum "
                    + same.get(same.size() - 1).checksum() + " there, " + migration.checksum() + " here)");
        }
        return Optional.empty();
    }

    /**
     * The reason to go on without proof, told as a warning.
     *
     * @throws MigrateException {@code NOT_REHEARSED} when none was given
     */
    private static Optional<String> skipped(PromotionOptions options, String why, EventListener events) {
        String reason = options.skipReason();
        if (reason == null || reason.isBlank()) {
            throw new MigrateException(CoreErrorCode.NOT_REHEARSED, why + System.lineSeparator()
                    + "Nothing was changed.", null);
        }
        events.on(new MigrationEvent.Warning(why + System.lineSeparator() + "Running anyway: " + reason
                + " (--skip-rehearsal; the journal records it)."));
        return Optional.of(reason);
    }

    /** The sum of the rehearsal's durations, when it applied every pending migration as it is now. */
    private static Optional<Estimate> estimate(Proof proof, String tool, List<PendingMigration> pending) {
        Duration total = Duration.ZERO;
        for (PendingMigration migration : pending) {
            Optional<AppliedRecord> latest = proof.migrations().stream()
                    .filter(record -> record.sameContent(tool, migration))
                    .max(Comparator.comparing(AppliedRecord::appliedAt));
            if (latest.isEmpty()) {
                return Optional.empty();
            }
            total = total.plus(latest.get().duration());
        }
        return Optional.of(new Estimate(total, "the durations in " + proof.source()));
    }
}
