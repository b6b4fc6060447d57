package dev.optamigrate.core.rehearsal;

import dev.optamigrate.core.analysis.Finding;
import dev.optamigrate.core.analysis.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The differences between what the applied migrations build (on the shadow) and what the target has. */
final class Drift {
    private Drift() {
    }

    static List<Finding> between(Set<String> migrations, Set<String> target, String targetName) {
        List<Finding> findings = new ArrayList<>();
        for (String line : target) {
            if (!migrations.contains(line)) {
                findings.add(Finding.measured(Rule.SCHEMA_DRIFT, targetName, 0, line, "The target has " + line
                        + ", which its applied migrations do not create."));
            }
        }
        for (String line : migrations) {
            if (!target.contains(line)) {
                findings.add(Finding.measured(Rule.SCHEMA_DRIFT, targetName, 0, line, "The applied migrations create "
                        + line + ", which the target does not have."));
            }
        }
        return findings;
    }
}
