package dev.optamigrate.core.fleet;

import java.util.List;
import java.util.Map;
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

    /**
     * A fleet run as the members' journals record it, for a run that went on elsewhere (the pods of an Indexed
     * Job): each member's last row of the run, or pending when the run never reached it.
     */
    public static FleetReport fromJournals(String id, List<FleetTarget> members) {
        Map<String, JournalRecord> rows = FleetJournal.read(id, members);
        return new FleetReport(id, members.stream().map(member -> rows.containsKey(member.name())
                ? TargetOutcome.earlier(member.name(), rows.get(member.name()))
                : TargetOutcome.untouched(member.name())).toList(), Optional.empty());
    }

    public long count(TargetState state) {
        return outcomes.stream().filter(outcome -> outcome.state() == state).count();
    }

    /** Whether every member is applied. */
    public boolean complete() {
        return count(TargetState.APPLIED) == outcomes.size();
    }
}
