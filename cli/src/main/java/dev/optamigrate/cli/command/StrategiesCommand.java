package dev.optamigrate.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.optamigrate.cli.options.OutputOptions;
import dev.optamigrate.cli.output.Json;
import dev.optamigrate.core.spi.ExecutionStrategyProvider;
import dev.optamigrate.core.strategy.ExecutionStrategies;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the execution strategies that ServiceLoader found. */
@Command(name = "strategies", description = {
    "List the execution strategies found on the classpath.",
    "",
    "Built-in strategies and custom ones registered in META-INF/services/"
            + "dev.optamigrate.core.spi.ExecutionStrategyProvider are listed; none runs unless chosen by name "
            + "with `migrate --strategy NAME`.",
    ""})
public final class StrategiesCommand implements Callable<Integer> {
    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    private final ExecutionStrategies strategies;

    @Inject
    StrategiesCommand(ExecutionStrategies strategies) {
        this.strategies = strategies;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            ArrayNode list = Json.mapper().createArrayNode();
            strategies.providers().forEach(p -> list.add(Json.object().put("name", p.name())
                    .put("description", p.description())));
            out.println(Json.write(Json.object().set("strategies", list)));
            return 0;
        }
        int width = strategies.providers().stream().mapToInt(p -> p.name().length()).max().orElse(0);
        for (ExecutionStrategyProvider provider : strategies.providers()) {
            out.printf("%-" + width + "s  %s%n", provider.name(), provider.description());
        }
        return 0;
    }
}
