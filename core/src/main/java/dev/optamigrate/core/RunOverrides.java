package dev.optamigrate.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.optamigrate.core.analysis.SafetyMode;
import dev.optamigrate.core.release.Contract;
import dev.optamigrate.core.release.ContractVerdict;
import java.util.Locale;
import java.util.Optional;

/**
 * What a run's checks let through and why, for the journal's {@code overrides} column (a JSON array): contracts
 * the gate would have refused, accepted by a comment or by {@code --safety warn}; running releases the journal had
 * never seen, trusted; a start outside the maintenance windows, or without proof of a rehearsal, with its reason.
 */
final class RunOverrides {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArrayNode overrides = JSON.createArrayNode();

    RunOverrides contracts(ContractVerdict verdict, SafetyMode mode) {
        for (Contract contract : verdict.notReady()) {
            overrides.addObject().put("gate", "contract").put("migration", contract.migration())
                    .put("object", contract.object()).put("reason", contract.reason())
                    .put("acceptedBy", contract.acceptance() != null ? "opta-migrate:allow contract-not-ready "
                            + contract.acceptance() : "--safety " + mode.name().toLowerCase(Locale.ROOT));
        }
        verdict.trusted().forEach(trusted -> overrides.addObject().put("gate", "contract")
                .put("trustedUnknownRelease", trusted).put("acceptedBy", "--trust-unknown-releases"));
        return this;
    }

    RunOverrides window(Optional<String> reason) {
        reason.ifPresent(why -> overrides.addObject().put("gate", "window").put("reason", why)
                .put("acceptedBy", "--outside-window"));
        return this;
    }

    RunOverrides rehearsal(Optional<String> reason) {
        reason.ifPresent(why -> overrides.addObject().put("gate", "promotion").put("reason", why)
                .put("acceptedBy", "--skip-rehearsal"));
        return this;
    }

    /** The JSON array, unless nothing was let through. */
    Optional<String> json() {
        return overrides.isEmpty() ? Optional.empty() : Optional.of(overrides.toString());
    }
}
