package dev.optamigrate.core.release;

import java.util.List;
import java.util.Set;

/**
 * What the contract gate found in the pending migrations.
 *
 * @param notReady contracts that are not ready, each with its reason; those a comment accepts say so
 * @param trusted  running releases the journal had never seen that {@code --trust-unknown-releases} let through
 */
public record ContractVerdict(List<Contract> notReady, Set<String> trusted) {

    public ContractVerdict {
        notReady = List.copyOf(notReady);
        trusted = Set.copyOf(trusted);
    }

    /** The contracts not ready that no comment accepts: they refuse the run. */
    public List<Contract> blocked() {
        return notReady.stream().filter(contract -> contract.acceptance() == null).toList();
    }
}
