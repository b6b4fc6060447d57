package dev.optamigrate.cli.options;

import dev.optamigrate.core.settings.CoreSetting;
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
        flags.put(CoreSetting.TOOL, tool);
        flags.put(CoreSetting.LOCATION, location);
        flags.put(CoreSetting.CLASSPATH, classpath);
        flags.put(CoreSetting.SEARCH_PATH, searchPath);
        flags.put(CoreSetting.CONTEXTS, contexts);
        flags.put(CoreSetting.LABELS, labels);
        flags.put(CoreSetting.PLACEHOLDERS, placeholders);
        flags.put(CoreSetting.MYBATIS_ENVIRONMENT, mybatisEnvironment);
    }
}
