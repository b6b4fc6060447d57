package dev.optamigrate.cli.options;

import dev.optamigrate.core.analysis.CheckReport;
import dev.optamigrate.core.analysis.Severity;
import dev.optamigrate.core.error.CoreErrorCode;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --fail-on}, shared by {@code check} and {@code verify}, and the exit code it decides. */
public final class FailOnOptions {
    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error", converter = SeverityConverter.class,
            description = "Lowest severity that fails: info, warning or error. Default: ${DEFAULT-VALUE}.")
    Severity failOn;

    public Severity threshold() {
        return failOn;
    }

    /** 0, or UNSAFE_MIGRATION when a finding at or above the threshold remains (with a hint for people). */
    public int exitCode(CheckReport report, PrintWriter err, boolean hint) {
        if (!report.failsAt(failOn)) {
            return 0;
        }
        if (hint) {
            err.println("hint: " + CoreErrorCode.UNSAFE_MIGRATION.hint());
        }
        return CoreErrorCode.UNSAFE_MIGRATION.exitCode();
    }
}
