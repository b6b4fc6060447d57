package dev.optamigrate.core.rehearsal;

import dev.optamigrate.core.analysis.Finding;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the production side contributes to a rehearsal.
 *
 * @param drift     differences between the shadow after the replay and the target's schema
 * @param sizes     relation sizes by {@code schema.name}, quoted as PostgreSQL quotes identifiers
 * @param pgVersion the PostgreSQL major version the static rules are judged for
 * @param rates     the shadow's calibrated rates, when there are sizes to estimate with
 * @param sizesFrom where the sizes come from, for people; empty when there are none
 */
record ProductionFacts(List<Finding> drift, Map<String, RelationSize> sizes, int pgVersion,
        Optional<RateCalibration> rates, String sizesFrom) {

    static ProductionFacts none(int pgVersion) {
        return new ProductionFacts(List.of(), Map.of(), pgVersion, Optional.empty(), "");
    }
}
