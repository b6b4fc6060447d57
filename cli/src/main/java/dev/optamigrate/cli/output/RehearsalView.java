package dev.optamigrate.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optamigrate.core.analysis.Severity;
import dev.optamigrate.core.rehearsal.LockObservation;
import dev.optamigrate.core.rehearsal.RehearsalReport;
import dev.optamigrate.core.rehearsal.StatementMeasurement;
import dev.optamigrate.core.settings.Durations;
import java.io.PrintWriter;

/** Renders a rehearsal: each pending statement with what it locked and did, then the findings as {@code check}. */
public final class RehearsalView {
    private RehearsalView() {
    }

    public static void printText(RehearsalReport report, Severity failOn, PrintWriter out) {
        out.println("Rehearsed on the " + report.shadow() + " after replaying " + report.replayed()
                + " applied migration(s)" + (report.estimated() ? "; estimates use " + report.sizesFrom() + "."
                : "; no target and no --stats, so no estimates."));
        for (StatementMeasurement statement : report.measurements()) {
            out.println(statement.file() + ":" + statement.line() + ": " + statement.statement());
            if (statement.locks().isEmpty()) {
                out.println("    no lock on a table that existed before");
            }
            for (LockObservation lock : statement.locks()) {
                out.println("    " + lock.mode().label() + " on " + lock.relation() + " (blocks " + lock.mode().blocks()
                        + "): " + lock.work() + lock.estimate().map(e -> ", " + e.size() + ", est. "
                        + Durations.format(e.duration())).orElse(""));
            }
        }
        out.println();
        CheckReportView.printText(report.findings(), failOn, out);
    }

    /**
     * The check's JSON plus {@code "shadow", "replayed", "estimated", "sizesFrom" (when estimated), "statements":
     * [{"file", "line", "statement", "elapsedMs", "locks": [{"relation", "mode", "blocks", "work", "rewritten",
     * "scanned", "indexBuilt", "estimate": {"bytes", "rows", "durationMs"}}]}]}.
     */
    public static void printJson(RehearsalReport report, Severity failOn, PrintWriter out) {
        out.println(Json.write(json(report, failOn)));
    }

    /** The JSON of {@link #printJson}, for a document that holds several rehearsals. */
    public static ObjectNode json(RehearsalReport report, Severity failOn) {
        ObjectNode root = CheckReportView.json(report.findings(), failOn).put("shadow", report.shadow())
                .put("replayed", report.replayed()).put("estimated", report.estimated());
        if (report.estimated()) {
            root.put("sizesFrom", report.sizesFrom());
        }
        ArrayNode statements = root.putArray("statements");
        for (StatementMeasurement statement : report.measurements()) {
            ObjectNode node = statements.addObject().put("file", statement.file()).put("line", statement.line())
                    .put("statement", statement.statement()).put("elapsedMs", statement.elapsed().toMillis());
            ArrayNode locks = node.putArray("locks");
            for (LockObservation lock : statement.locks()) {
                ObjectNode entry = locks.addObject().put("relation", lock.relation()).put("mode", lock.mode().label())
                        .put("blocks", lock.mode().blocks()).put("work", lock.work())
                        .put("rewritten", lock.rewritten()).put("scanned", lock.scanned())
                        .put("indexBuilt", lock.indexBuilt());
                lock.estimate().ifPresent(estimate -> entry.putObject("estimate").put("bytes", estimate.bytes())
                        .put("rows", estimate.rows()).put("durationMs", estimate.duration().toMillis()));
            }
        }
        return root;
    }
}
