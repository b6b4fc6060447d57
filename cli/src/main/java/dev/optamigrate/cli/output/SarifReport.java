package dev.optamigrate.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optamigrate.core.analysis.CheckReport;
import dev.optamigrate.core.analysis.Finding;
import dev.optamigrate.core.analysis.Rule;
import dev.optamigrate.core.analysis.Severity;
import dev.optamigrate.core.analysis.Suppression;
import java.io.PrintWriter;

/**
 * A check as a SARIF 2.1.0 log, which code hosts read to annotate pull requests (GitHub code scanning, GitLab,
 * Azure DevOps): every rule with its summary and fix, every finding as a result with its file and line, accepted
 * findings as results with an in-source suppression and its reason.
 */
public final class SarifReport {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {
    }

    public static void print(CheckReport report, String version, PrintWriter out) {
        ObjectNode driver = Json.object().put("name", "opta-migrate").put("semanticVersion", version);
        ArrayNode rules = driver.putArray("rules");
        for (Rule rule : Rule.values()) {
            ObjectNode node = rules.addObject().put("id", rule.id());
            node.putObject("shortDescription").put("text", rule.summary());
            node.putObject("help").put("text", rule.fix());
            node.putObject("defaultConfiguration").put("level", level(rule.severity()));
        }
        ObjectNode run = Json.object();
        run.putObject("tool").set("driver", driver);
        ArrayNode results = run.putArray("results");
        report.findings().forEach(finding -> results.add(result(finding)));
        for (Suppression suppression : report.suppressions()) {
            ObjectNode result = result(suppression.finding());
            result.putArray("suppressions").addObject().put("kind", "inSource")
                    .put("justification", suppression.reason());
            results.add(result);
        }
        ObjectNode log = Json.object().put("$schema", SCHEMA).put("version", "2.1.0");
        log.putArray("runs").add(run);
        out.println(Json.write(log));
    }

    private static ObjectNode result(Finding finding) {
        ObjectNode result = Json.object().put("ruleId", finding.rule()).put("level", level(finding.severity()));
        result.putObject("message").put("text", finding.message() + " Fix: " + finding.fix());
        ObjectNode location = result.putArray("locations").addObject().putObject("physicalLocation");
        location.putObject("artifactLocation").put("uri", finding.file());
        if (finding.line() > 0) {
            location.putObject("region").put("startLine", finding.line()).putObject("snippet")
                    .put("text", finding.statement());
        }
        return result;
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }
}
