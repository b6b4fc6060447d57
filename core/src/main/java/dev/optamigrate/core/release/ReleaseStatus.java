package dev.optamigrate.core.release;

import dev.optamigrate.core.analysis.MigrationPhase;
import java.util.List;

/**
 * Where a target stands in its 3-point migrations, as {@code status} shows it.
 *
 * @param pending      each pending migration's phase, in the order they would run
 * @param retired      the retirements no contract has followed yet
 * @param notReady     the pending contracts the gate would refuse (or let through by a comment), with why
 */
public record ReleaseStatus(List<MigrationPhase> pending, List<Retirement> retired, List<Contract> notReady) {

    public ReleaseStatus {
        pending = List.copyOf(pending);
        retired = List.copyOf(retired);
        notReady = List.copyOf(notReady);
    }
}
