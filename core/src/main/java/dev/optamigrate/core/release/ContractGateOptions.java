package dev.optamigrate.core.release;

import dev.optamigrate.core.analysis.SafetyMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a run applies the contract gate.
 *
 * @param mode         {@code block} refuses a contract that is not ready, {@code warn} reports it and goes on,
 *                     {@code off} skips the gate
 * @param running      the releases that serve traffic, when known
 * @param trustUnknown whether a running release the journal has never seen counts as new
 */
public record ContractGateOptions(SafetyMode mode, Optional<List<RunningRelease>> running, boolean trustUnknown) {
    /** Refuses what is not ready; the running releases are not known. */
    public static final ContractGateOptions DEFAULTS = new ContractGateOptions(SafetyMode.BLOCK, Optional.empty(),
            false);

    public ContractGateOptions {
        running = running.map(List::copyOf);
    }

    /** These options with more running releases: those a strategy found on the service's pods. */
    public ContractGateOptions withRunning(List<RunningRelease> found) {
        List<RunningRelease> all = new ArrayList<>(running.orElse(List.of()));
        all.addAll(found);
        return new ContractGateOptions(mode, Optional.of(all), trustUnknown);
    }

    /** What the gate knows about releases for a run of {@code release}. */
    public ReleaseContext context(String release) {
        return new ReleaseContext(release, running, trustUnknown);
    }
}
