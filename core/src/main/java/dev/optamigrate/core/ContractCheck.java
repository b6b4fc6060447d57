package dev.optamigrate.core;

import dev.optamigrate.core.analysis.MigrationPhase;
import dev.optamigrate.core.analysis.Phase;
import dev.optamigrate.core.analysis.Rule;
import dev.optamigrate.core.analysis.SafetyMode;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.event.MigrationEvent;
import dev.optamigrate.core.journal.JournalScope;
import dev.optamigrate.core.release.Contract;
import dev.optamigrate.core.release.ContractGate;
import dev.optamigrate.core.release.ContractGateOptions;
import dev.optamigrate.core.release.ContractVerdict;
import dev.optamigrate.core.release.ReleaseHistory;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the contract gate before a migrate run applies anything: reports each contract that is not ready as an
 * event, and refuses the run in {@link SafetyMode#BLOCK} while one remains that no comment accepts.
 */
final class ContractCheck {
    private ContractCheck() {
    }

    /**
     * @return what the gate let through (accepted contracts, trusted releases), for the journal
     * @throws MigrateException {@code CONTRACT_NOT_READY} when the gate refuses the run
     */
    static ContractVerdict run(ContractGateOptions options, String release, List<MigrationPhase> phases,
            Connection work, JournalScope scope, EventListener events) {
        if (options.mode() == SafetyMode.OFF || phases.stream().noneMatch(phase -> phase.phase() == Phase.CONTRACT)) {
            return new ContractVerdict(List.of(), Set.of());
        }
        ContractVerdict verdict = ContractGate.judge(phases, options.context(release),
                ReleaseHistory.read(work, scope));
        boolean block = options.mode() == SafetyMode.BLOCK;
        for (Contract contract : verdict.notReady()) {
            boolean accepted = contract.acceptance() != null;
            events.on(new MigrationEvent.SafetyFinding(Rule.CONTRACT_NOT_READY.id(), accepted ? "info"
                    : block ? "error" : "warning", contract.migration(), contract.line(), contract.statement(),
                    (accepted ? "Accepted (" + contract.acceptance() + "): " : "") + contract.reason() + ".",
                    Rule.CONTRACT_NOT_READY.fix()));
        }
        verdict.trusted().forEach(trusted -> events.on(new MigrationEvent.Progress("Contract gate: running release "
                + trusted + " is not in the journal; --trust-unknown-releases counts it as new, and the journal "
                + "records that.")));
        if (block && !verdict.blocked().isEmpty()) {
            throw new MigrateException(CoreErrorCode.CONTRACT_NOT_READY, "The contract gate refused "
                    + verdict.blocked().stream().map(contract -> contract.migration() + ": " + contract.reason())
                            .collect(Collectors.joining("; and ")) + ". Nothing was applied.", null);
        }
        return verdict;
    }
}
