package dev.optamigrate.cli.options;

import dev.optamigrate.core.settings.Setting;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which tool, and where its migrations are. */
public final class SourceOptions {
    @Option(names = "--tool", paramLabel = "NAME", descriptionKey = "tool")
    String tool;

    @Option(names = "--location", paramLabel = "PATH", descriptionKey = "location")
    String location;

    public void addTo(Map<Setting, String> flags) {
        flags.put(Setting.TOOL, tool);
        flags.put(Setting.LOCATION, location);
    }
}
