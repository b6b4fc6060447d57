package dev.optamigrate.core.fleet;

import java.util.List;
import java.util.Optional;

/**
 * What a fleet run did.
 *
 * @param id       the fleet run's id, for {@code --resume}
 * @param outcomes every member, in list order: run now, left by an earlier invocation, or untouched
 * @param halted   why the run stopped before every member ran, if it did
 */
public record FleetReport(String id, List<TargetOutcome> outcomes, Optional<String> halted) {
    public FleetReport {
        outcomes = List.copyOf(outcomes);
    }

    public long count(TargetState state) {
        return outcomes.stream().filter(outcome -> outcome.state() == state).count();
    }

    /** Whether every member is applied. */
    public boolean complete() {
        return count(TargetState.APPLIED) == outcomes.size();
    }
}
