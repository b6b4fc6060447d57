package dev.optamigrate.cli.options;

import picocli.CommandLine.Option;

/** Output format and detail. */
public final class OutputOptions {
    /** The output formats. */
    public enum Format { text, json }

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (json: one object per line, for scripts). "
                    + "Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = {"-v", "--verbose"}, description = "Show the tools' own log and stack traces of errors.")
    boolean verbose;

    public boolean json() {
        return format == Format.json;
    }

    public boolean verbose() {
        return verbose;
    }
}
