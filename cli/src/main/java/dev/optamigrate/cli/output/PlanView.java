package dev.optamigrate.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optamigrate.core.plan.Plan;
import dev.optamigrate.core.plan.PlanStep;
import dev.optamigrate.core.spi.NewMigration;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Renders a plan, and what was written of it, for people or as one JSON object. */
public final class PlanView {
    private PlanView() {
    }

    public static void text(Plan plan, int pgVersion, String tool, int step, List<Path> written, PrintWriter out) {
        out.println("Plan: " + plan.operation().describe() + ", " + plan.steps().size() + " migrations over "
                + plan.releases() + (plan.releases() == 1 ? " release" : " releases") + ", for " + tool
                + " and PostgreSQL " + pgVersion + "; each step passes check.");
        for (int release = 1; release <= plan.releases(); release++) {
            out.println();
            out.println("Release " + release + ": " + plan.operation().releases().get(release - 1) + ".");
            for (PlanStep planned : plan.steps()) {
                if (planned.release() == release) {
                    NewMigration migration = planned.migration();
                    out.println("  " + migration.name() + (migration.transactional() ? "" : " (outside a "
                            + "transaction)") + ": " + purpose(migration));
                }
            }
        }
        out.println();
        if (written.isEmpty()) {
            out.println("Dry run: nothing was written.");
            return;
        }
        out.println("Wrote release " + step + "'s migrations:");
        written.forEach(file -> out.println("  " + file));
        if (step < plan.releases()) {
            out.println("Ship them with release " + step + ". When release " + (step + 1) + " is built, run the same "
                    + "command with --step " + (step + 1) + ".");
        }
    }

    /**
     * {@code {"operation", "pgVersion", "tool", "step", "releases": [{"release", "note", "steps": [{"name",
     * "purpose", "transactional"}]}], "written": [...]}}.
     */
    public static String json(Plan plan, int pgVersion, String tool, int step, List<Path> written) {
        ObjectNode root = Json.object().put("operation", plan.operation().describe()).put("pgVersion", pgVersion)
                .put("tool", tool).put("step", step);
        ArrayNode releases = root.putArray("releases");
        for (int release = 1; release <= plan.releases(); release++) {
            ObjectNode node = releases.addObject().put("release", release)
                    .put("note", plan.operation().releases().get(release - 1));
            ArrayNode steps = node.putArray("steps");
            for (PlanStep planned : plan.steps()) {
                if (planned.release() == release) {
                    steps.addObject().put("name", planned.migration().name())
                            .put("purpose", purpose(planned.migration()))
                            .put("transactional", planned.migration().transactional());
                }
            }
        }
        ArrayNode files = root.putArray("written");
        written.forEach(file -> files.add(file.toString()));
        return Json.write(root);
    }

    /** The step's own comment: its last one, after the plan's header and any markers. */
    private static String purpose(NewMigration migration) {
        return migration.comments().get(migration.comments().size() - 1);
    }
}
