package dev.optamigrate.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the CLI reads from its surroundings, passed in so that tests can run commands in-process.
 *
 * @param variables  the process environment
 * @param workingDir where relative paths, opta-migrate.yaml and .opta-migrate/embedded are found
 */
public record CliEnvironment(Map<String, String> variables, Path workingDir) {
    public CliEnvironment {
        variables = Map.copyOf(variables);
    }
}
