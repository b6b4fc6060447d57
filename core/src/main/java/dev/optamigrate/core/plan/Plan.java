package dev.optamigrate.core.plan;

import dev.optamigrate.core.analysis.CheckReport;
import dev.optamigrate.core.analysis.Finding;
import dev.optamigrate.core.analysis.MigrationScript;
import dev.optamigrate.core.analysis.Severity;
import dev.optamigrate.core.analysis.StaticCheck;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.NewMigration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The safe sequence for one operation: its steps, each with a header that names the operation, the step and the
 * release it ships with. Every step passes the static check for the PostgreSQL version planned for.
 *
 * @param operation what is planned
 * @param steps     the steps in order, headers included
 */
public record Plan(PlanOperation operation, List<PlanStep> steps) {

    public Plan {
        steps = List.copyOf(steps);
    }

    /**
     * The plan of an operation.
     *
     * @throws MigrateException {@code INTERNAL} if a step would not pass the static check: a bug in the plan
     */
    public static Plan of(PlanOperation operation, PlanOptions options) {
        List<PlanStep> planned = operation.steps(options);
        List<String> releases = operation.releases();
        List<PlanStep> steps = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            PlanStep step = planned.get(i);
            steps.add(step.withComments(List.of("opta-migrate plan: " + operation.describe() + ", step " + (i + 1)
                    + " of " + planned.size(), "Release " + step.release() + " of " + releases.size() + ": "
                    + releases.get(step.release() - 1) + ".")));
        }
        Plan plan = new Plan(operation, steps);
        plan.requirePassesCheck(options.pgVersion());
        return plan;
    }

    /** How many releases the plan spans. */
    public int releases() {
        return operation.releases().size();
    }

    /** The migrations that ship with a release, from 1. */
    public List<NewMigration> migrations(int release) {
        return steps.stream().filter(step -> step.release() == release).map(PlanStep::migration).toList();
    }

    private void requirePassesCheck(int pgVersion) {
        CheckReport report = StaticCheck.asOneHistory(pgVersion).underLockGuard(true).check(steps.stream()
                .map(step -> new MigrationScript(step.migration().name(), step.migration().script(),
                        step.migration().transactional())).toList());
        List<Finding> errors = report.findings().stream().filter(finding -> finding.severity() == Severity.ERROR)
                .toList();
        if (!errors.isEmpty()) {
            throw new MigrateException(CoreErrorCode.INTERNAL, "The plan for " + operation.describe() + " has "
                    + "steps that check rejects: " + errors.stream().map(finding -> finding.file() + ": "
                            + finding.rule()).collect(Collectors.joining(", ")) + ".", null);
        }
    }
}
