package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.cli.output.Json;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.spi.ValidationResult;
import dev.optamigrate.core.tool.MigrationTools;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Checks that applied migrations still match the source. */
@Command(name = "validate", description = {
    "Check that the applied migrations still match their files.",
    "",
    "Changed, missing or failed migrations are reported; pending ones are fine. Exits with VALIDATION_FAILED "
            + "(see below) when something does not match.",
    ""})
public final class ValidateCommand extends DatabaseCommand implements Callable<Integer> {

    @Inject
    ValidateCommand(CliEnvironment environment, MigrationTools tools) {
        super(environment, tools);
    }

    @Override
    public Integer call() {
        Settings settings = options.settings(environment, null, Map.of());
        ValidationResult result;
        try (OpenDatabase database = openDatabase(settings)) {
            result = database.configuration().load().validate();
        }
        if (options.output.json()) {
            var node = Json.object().put("valid", result.valid());
            node.set("problems", Json.mapper().valueToTree(result.problems()));
            out().println(Json.write(node));
        } else if (result.valid()) {
            out().println("Valid: the applied migrations match their files.");
        } else {
            out().println("Invalid:");
            result.problems().forEach(problem -> out().println("  " + problem));
            spec.commandLine().getErr().println("hint: " + CoreErrorCode.VALIDATION_FAILED.hint());
        }
        return result.valid() ? 0 : CoreErrorCode.VALIDATION_FAILED.exitCode();
    }
}
