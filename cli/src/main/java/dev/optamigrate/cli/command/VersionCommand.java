package dev.optamigrate.cli.command;

import dev.optamigrate.cli.VersionInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints the version, as {@code --version} does. */
@Command(name = "version", description = "Print the version of opta-migrate and of the Java runtime.")
public final class VersionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (String line : new VersionInfo().getVersion()) {
            spec.commandLine().getOut().println(line);
        }
        return 0;
    }
}
