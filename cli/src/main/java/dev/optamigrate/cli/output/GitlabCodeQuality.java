package dev.optamigrate.cli.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optamigrate.core.analysis.CheckReport;
import dev.optamigrate.core.analysis.Finding;
import dev.optamigrate.core.analysis.Rule;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * A check as a GitLab Code Quality report (the {@code codequality} artifact of a job), which GitLab shows on the
 * merge request: one issue per finding with its description, rule ({@code check_name}), severity ({@code critical}
 * for errors, {@code major} for warnings, {@code info}), file and line, and a fingerprint that stays the same while
 * the statement does, even when lines above it move. Accepted findings are left out.
 */
public final class GitlabCodeQuality {
    private GitlabCodeQuality() {
    }

    public static void print(CheckReport report, PrintWriter out) {
        ArrayNode issues = Json.mapper().createArrayNode();
        Map<String, Integer> seen = new HashMap<>();
        for (Finding finding : report.findings()) {
            String identity = finding.rule() + "\n" + finding.file() + "\n" + finding.statement();
            int occurrence = seen.merge(identity, 1, Integer::sum);
            ObjectNode issue = issues.addObject().put("type", "issue")
                    .put("description", finding.message() + " Fix: " + finding.fix())
                    .put("check_name", finding.rule())
                    .put("fingerprint", sha256(identity + "\n" + occurrence))
                    .put("severity", severity(finding));
            issue.putArray("categories").add(Rule.byId(finding.rule()).filter(Rule::style).isPresent() ? "Style"
                    : "Bug Risk");
            issue.putObject("location").put("path", finding.file()).putObject("lines")
                    .put("begin", Math.max(1, finding.line()));
        }
        out.println(Json.write(issues));
    }

    private static String severity(Finding finding) {
        return switch (finding.severity()) {
            case ERROR -> "critical";
            case WARNING -> "major";
            case INFO -> "info";
        };
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
