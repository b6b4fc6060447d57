package dev.optamigrate.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optamigrate.core.analysis.CheckReport;
import dev.optamigrate.core.analysis.Finding;
import dev.optamigrate.core.analysis.MigrationPhase;
import dev.optamigrate.core.analysis.Phase;
import dev.optamigrate.core.analysis.Severity;
import dev.optamigrate.core.analysis.Suppression;
import java.io.PrintWriter;
import java.util.stream.Collectors;

/** Renders a check's findings for people (text) or scripts (one JSON object); SARIF is {@link SarifReport}. */
public final class CheckReportView {
    private CheckReportView() {
    }

    /**
     * {@code {"pgVersion", "findings": [{"rule", "severity", "file", "line", "statement", "message", "fix"}],
     * "suppressed": [{... , "reason"}], "failed", "phases": [{"file", "phase", "declared", "contracts", "retires"}]}}.
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
        ArrayNode phases = root.putArray("phases");
        for (MigrationPhase phase : report.phases()) {
            ObjectNode node = phases.addObject().put("file", phase.file()).put("phase", phase.phase().label())
                    .put("declared", phase.declared());
            ArrayNode contracts = node.putArray("contracts");
            phase.contracts().forEach(contracted -> contracts.add(contracted.object()));
            ArrayNode retires = node.putArray("retires");
            phase.retires().forEach(retires::add);
        }
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
        printPhases(report, out);
        out.println("Checked " + scripts + " migration" + (scripts == 1 ? "" : "s") + " for PostgreSQL "
                + report.pgVersion() + ": " + report.count(Severity.ERROR) + " error(s), "
                + report.count(Severity.WARNING) + " warning(s), " + report.count(Severity.INFO) + " info, "
                + report.suppressions().size() + " accepted. "
                + (report.failsAt(failOn) ? "FAILED (--fail-on " + failOn.label() + ")."
                        : "Passed (--fail-on " + failOn.label() + ")."));
    }

    /** The contract migrations and the retirements; every other migration is an expand. */
    private static void printPhases(CheckReport report, PrintWriter out) {
        long contracts = report.phases().stream().filter(phase -> phase.phase() == Phase.CONTRACT).count();
        for (MigrationPhase phase : report.phases()) {
            if (phase.phase() == Phase.CONTRACT) {
                out.println("contract  " + phase.file() + ": " + phase.contracts().stream()
                        .map(MigrationPhase.Contracted::object).distinct().collect(Collectors.joining(", "))
                        + (phase.declared() ? " (declared)" : ""));
            }
            if (!phase.retires().isEmpty()) {
                out.println("retires   " + phase.file() + ": " + String.join(", ", phase.retires()));
            }
        }
        out.println("Phases: " + (report.phases().size() - contracts) + " expand, " + contracts + " contract"
                + (contracts == 0 ? "." : "; migrate lets a contract run only after an earlier release retired what "
                        + "it removes, and no server runs an older release."));
    }

    private static ObjectNode node(Finding finding) {
        return Json.object().put("rule", finding.rule()).put("severity", finding.severity().label())
                .put("file", finding.file()).put("line", finding.line()).put("statement", finding.statement())
                .put("message", finding.message()).put("fix", finding.fix()).put("measured", finding.measured());
    }
}
