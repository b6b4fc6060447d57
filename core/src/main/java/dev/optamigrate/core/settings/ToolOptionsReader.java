package dev.optamigrate.core.settings;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.ToolOptions;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the settings that only some tools use into {@link ToolOptions}. */
public final class ToolOptionsReader {
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private ToolOptionsReader() {
    }

    public static ToolOptions read(Settings settings) {
        return new ToolOptions(paths(settings, CoreSetting.CLASSPATH, File.pathSeparator),
                paths(settings, CoreSetting.SEARCH_PATH, ","), settings.get(CoreSetting.CONTEXTS).orElse(null),
                settings.get(CoreSetting.LABELS).orElse(null), placeholders(settings), environment(settings));
    }

    /** A MyBatis environment is a file name in environments/, never a path. */
    private static String environment(Settings settings) {
        String name = settings.require(CoreSetting.MYBATIS_ENVIRONMENT).trim();
        if (!ENVIRONMENT_NAME.matcher(name).matches()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "mybatis-environment (from "
                    + settings.sourceOf(CoreSetting.MYBATIS_ENVIRONMENT) + ") must be a name such as development or "
                    + "production, not '" + name + "'.", "Give the name of a file in environments/, without "
                    + ".properties.", null);
        }
        return name;
    }

    private static List<Path> paths(Settings settings, Setting setting, String separator) {
        return settings.get(setting).map(value -> Arrays.stream(value.split(Pattern.quote(separator)))
                .map(String::trim).filter(entry -> !entry.isEmpty()).map(entry -> Path.of(entry).toAbsolutePath()
                        .normalize()).toList()).orElse(List.of());
    }

    private static Map<String, String> placeholders(Settings settings) {
        Map<String, String> placeholders = new LinkedHashMap<>();
        settings.get(CoreSetting.PLACEHOLDERS).ifPresent(value -> {
            for (String pair : value.split(",")) {
                int equals = pair.indexOf('=');
                if (pair.isBlank()) {
                    continue;
                }
                if (equals < 1) {
                    throw new MigrateException(CoreErrorCode.CONFIGURATION, "placeholders (from "
                            + settings.sourceOf(CoreSetting.PLACEHOLDERS) + "): '" + pair.trim() + "' is not "
                            + "key=value.",
                            "Write them as key=value pairs separated by ',', e.g. schema=shop,owner=app.", null);
                }
                placeholders.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
        });
        return placeholders;
    }
}
