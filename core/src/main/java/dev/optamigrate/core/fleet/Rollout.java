package dev.optamigrate.core.fleet;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How a fleet run proceeds: a canary set first, then waves, at most {@code perServer} members of one server at once,
 * and a halt once more than {@code maxFailures} members failed.
 *
 * @param canary      how many members, first in the list, form the canary; ignored when {@code canaryNames} is set
 * @param canaryNames the members that form the canary, by name; empty to take the first {@code canary}
 * @param waveSize    how many members one wave holds after the canary; 0 for all the rest in one wave
 * @param maxFailures the error budget: the run halts when more members than this failed
 * @param perServer   how many members of one server migrate at once
 */
public record Rollout(int canary, List<String> canaryNames, int waveSize, int maxFailures, int perServer) {
    public Rollout {
        canaryNames = List.copyOf(canaryNames);
        atLeast(canary, 0, "--canary");
        atLeast(waveSize, 0, "--wave-size");
        atLeast(maxFailures, 0, "--max-failures");
        atLeast(perServer, 1, "--per-server");
    }

    /** One step of a rollout: its name for people, and its members in list order. */
    public record Phase(String name, List<FleetTarget> members) {
    }

    /**
     * This rollout for one shard of the fleet: named canaries are checked against the whole list, and the shard
     * keeps those it holds (none: the shard has no canary); a canary count counts within the shard.
     */
    public Rollout forShard(List<FleetTarget> whole, List<FleetTarget> members) {
        if (canaryNames.isEmpty()) {
            return this;
        }
        named(whole);
        List<String> kept = members.stream().map(FleetTarget::name).filter(canaryNames::contains).toList();
        return new Rollout(0, kept, waveSize, maxFailures, perServer);
    }

    /** The canary, then the waves, over the whole list. */
    List<Phase> phases(List<FleetTarget> targets) {
        List<FleetTarget> canaries = canaryNames.isEmpty()
                ? targets.subList(0, Math.min(canary, targets.size()))
                : named(targets);
        List<FleetTarget> rest = targets.stream().filter(target -> !canaries.contains(target)).toList();
        List<Phase> phases = new ArrayList<>();
        if (!canaries.isEmpty()) {
            phases.add(new Phase("canary", canaries));
        }
        int size = waveSize == 0 ? Math.max(1, rest.size()) : waveSize;
        for (int start = 0, wave = 1; start < rest.size(); start += size, wave++) {
            phases.add(new Phase("wave " + wave, rest.subList(start, Math.min(rest.size(), start + size))));
        }
        return phases;
    }

    private List<FleetTarget> named(List<FleetTarget> targets) {
        Set<String> names = Set.copyOf(canaryNames);
        List<FleetTarget> found = targets.stream().filter(target -> names.contains(target.name())).toList();
        if (found.size() < names.size()) {
            List<String> missing = canaryNames.stream().filter(name -> found.stream()
                    .noneMatch(target -> target.name().equals(name))).toList();
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "--canary names " + String.join(", ", missing)
                    + ", which the target list does not hold.", "Name canary targets from the list, or give a "
                            + "number: --canary 5 takes the first five.", null);
        }
        return found;
    }

    private static void atLeast(int value, int minimum, String option) {
        if (value < minimum) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, option + " is " + value + "; it must be at least "
                    + minimum + ".", "Give " + option + " " + minimum + " or more.", null);
        }
    }
}
