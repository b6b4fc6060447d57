package dev.optamigrate.cli.output;

import dev.optamigrate.core.analysis.CheckReport;
import dev.optamigrate.core.analysis.Finding;
import java.io.PrintWriter;

/**
 * A check as GitHub Actions workflow commands ({@code ::error file=...,line=...::message}), which annotate the
 * pull request's lines when {@code check} runs in a workflow. Errors are {@code error}, warnings {@code warning},
 * information {@code notice}; accepted findings are left out. Values are escaped as the runner expects: {@code %},
 * CR and LF in every value, and {@code :} and {@code ,} in the properties too.
 */
public final class GithubAnnotations {
    private GithubAnnotations() {
    }

    public static void print(CheckReport report, PrintWriter out) {
        for (Finding finding : report.findings()) {
            out.println(annotation(finding));
        }
    }

    static String annotation(Finding finding) {
        StringBuilder line = new StringBuilder("::").append(command(finding)).append(" file=")
                .append(property(finding.file()));
        if (finding.line() > 0) {
            line.append(",line=").append(finding.line());
        }
        line.append(",title=").append(property("opta-migrate " + finding.rule()));
        return line.append("::").append(data(finding.message() + "\nFix: " + finding.fix())).toString();
    }

    private static String command(Finding finding) {
        return switch (finding.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
    }

    static String data(String value) {
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String value) {
        return data(value).replace(":", "%3A").replace(",", "%2C");
    }
}
