package dev.optamigrate.cli;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the CLI reads from its surroundings, passed in so that tests can run commands in-process.
 *
 * @param variables  the process environment
 * @param workingDir where relative paths, opta-migrate.yaml and .opta-migrate/embedded are found
 * @param terminal   where a person can answer a question; empty when nobody is there (CI, a pipe, no stdin)
 */
public record CliEnvironment(Map<String, String> variables, Path workingDir, Optional<BufferedReader> terminal) {
    public CliEnvironment {
        variables = Map.copyOf(variables);
    }

    /** Surroundings without a terminal. */
    public CliEnvironment(Map<String, String> variables, Path workingDir) {
        this(variables, workingDir, Optional.empty());
    }
}
