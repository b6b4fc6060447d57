package dev.optamigrate.cli.options;

import dev.optamigrate.core.settings.Setting;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which tool, where its migrations are, and what the tool needs to read them as the project's build does. */
public final class SourceOptions {
    @Option(names = "--tool", paramLabel = "NAME", descriptionKey = "tool")
    String tool;

    @Option(names = "--location", paramLabel = "PATH", descriptionKey = "location")
    String location;

    @Option(names = "--classpath", paramLabel = "PATHS", descriptionKey = "classpath")
    String classpath;

    @Option(names = "--search-path", paramLabel = "DIRS", descriptionKey = "search-path")
    String searchPath;

    @Option(names = "--contexts", paramLabel = "EXPRESSION", descriptionKey = "contexts")
    String contexts;

    @Option(names = "--labels", paramLabel = "EXPRESSION", descriptionKey = "labels")
    String labels;

    @Option(names = "--placeholders", paramLabel = "KEY=VALUE,...", descriptionKey = "placeholders")
    String placeholders;

    @Option(names = "--mybatis-environment", paramLabel = "NAME", descriptionKey = "mybatis-environment")
    String mybatisEnvironment;

    public void addTo(Map<Setting, String> flags) {
        flags.put(Setting.TOOL, tool);
        flags.put(Setting.LOCATION, location);
        flags.put(Setting.CLASSPATH, classpath);
        flags.put(Setting.SEARCH_PATH, searchPath);
        flags.put(Setting.CONTEXTS, contexts);
        flags.put(Setting.LABELS, labels);
        flags.put(Setting.PLACEHOLDERS, placeholders);
        flags.put(Setting.MYBATIS_ENVIRONMENT, mybatisEnvironment);
    }
}
