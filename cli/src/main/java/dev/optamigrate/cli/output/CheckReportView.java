package dev.optamigrate.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optamigrate.core.analysis.CheckReport;
import dev.optamigrate.core.analysis.Finding;
import dev.optamigrate.core.analysis.Severity;
import dev.optamigrate.core.analysis.Suppression;
import java.io.PrintWriter;

/** Renders a check's findings for people (text) or scripts (one JSON object); SARIF is {@link SarifReport}. */
public final class CheckReportView {
    private CheckReportView() {
    }

    /**
     * {@code {"pgVersion", "findings": [{"rule", "severity", "file", "line", "statement", "message", "fix"}],
     * "suppressed": [{... , "reason"}], "failed"}}.
     */
    public static void printJson(CheckReport report, Severity failOn, PrintWriter out) {
        out.println(Json.write(json(report, failOn)));
    }

    /** The JSON object {@link #printJson} prints, for reports that add to it. */
    public static ObjectNode json(CheckReport report, Severity failOn) {
        ArrayNode findings = Json.mapper().createArrayNode();
        report.findings().forEach(finding -> findings.add(node(finding)));
        ArrayNode suppressed = Json.mapper().createArrayNode();
        report.suppressions().forEach(suppression -> suppressed.add(node(suppression.finding())
                .put("reason", suppression.reason())));
        ObjectNode root = Json.object().put("pgVersion", report.pgVersion()).put("failOn", failOn.label())
                .put("failed", report.failsAt(failOn));
        root.set("findings", findings);
        root.set("suppressed", suppressed);
        return root;
    }

    public static void printText(CheckReport report, Severity failOn, PrintWriter out) {
        int scripts = report.migrations();
        for (Finding finding : report.findings()) {
            out.println(finding.file() + ":" + finding.line() + ": " + finding.severity().label() + " "
                    + finding.rule() + (finding.measured() ? " (measured)" : ""));
            out.println("    " + finding.statement());
            out.println("    " + finding.message());
            out.println("    fix: " + finding.fix());
            out.println();
        }
        if (!report.suppressions().isEmpty()) {
            out.println("Accepted with opta-migrate:allow:");
            for (Suppression suppression : report.suppressions()) {
                Finding finding = suppression.finding();
                out.println("  " + finding.file() + ":" + finding.line() + ": " + finding.rule() + " - "
                        + suppression.reason());
            }
            out.println();
        }
        out.println("Checked " + scripts + " migration" + (scripts == 1 ? "" : "s") + " for PostgreSQL "
                + report.pgVersion() + ": " + report.count(Severity.ERROR) + " error(s), "
                + report.count(Severity.WARNING) + " warning(s), " + report.count(Severity.INFO) + " info, "
                + report.suppressions().size() + " accepted. "
                + (report.failsAt(failOn) ? "FAILED (--fail-on " + failOn.label() + ")."
                        : "Passed (--fail-on " + failOn.label() + ")."));
    }

    private static ObjectNode node(Finding finding) {
        return Json.object().put("rule", finding.rule()).put("severity", finding.severity().label())
                .put("file", finding.file()).put("line", finding.line()).put("statement", finding.statement())
                .put("message", finding.message()).put("fix", finding.fix()).put("measured", finding.measured());
    }
}
