package dev.optamigrate.core.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.optamigrate.core.analysis.AllowList;
import dev.optamigrate.core.analysis.SafetyMode;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.target.SslMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds {@link Settings} from flags, the environment and {@code opta-migrate.yaml}. An explicitly named config
 * file must exist; the default one is read only when present. Unknown keys are errors, so that a typo never
 * silently falls back to a default.
 */
public final class SettingsLoader {
    /** The config file read from the working directory when no {@code --config} is given. */
    public static final String DEFAULT_CONFIG_FILE = "opta-migrate.yaml";

    /** The key of the list of accepted findings, which is not a setting but read beside them. */
    static final String ALLOW = "allow";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SettingsLoader() {
    }

    /**
     * @param flags        values given on the command line (absent keys were not given)
     * @param environment  the process environment
     * @param explicitFile the file named by {@code --config}, if any
     * @param workingDir   where the default config file is looked for
     */
    public static Settings load(Map<Setting, String> flags, Map<String, String> environment,
            Optional<Path> explicitFile, Path workingDir) {
        Optional<Path> file = explicitFile.or(() -> Optional.of(workingDir.resolve(DEFAULT_CONFIG_FILE))
                .filter(Files::isRegularFile));
        String named = explicitFile.isPresent() ? "--config" : "the working directory's " + DEFAULT_CONFIG_FILE;
        Optional<JsonNode> root = file.map(path -> parse(path, named));
        Map<Setting, String> fromFile = root.map(node -> values(node, file.get())).orElse(Map.of());
        AllowList allowed = root.map(node -> AllowListReader.read(node.get(ALLOW), file.get().toString()))
                .orElse(AllowList.NONE);
        return checked(new Settings(flags, environment, fromFile, file, allowed));
    }

    /** Reads every typed value once, so that a bad one fails before anything connects or starts. */
    private static Settings checked(Settings settings) {
        for (Setting setting : KnownSettings.all()) {
            switch (setting.kind()) {
                case DURATION -> settings.duration(setting);
                case BOOLEAN -> settings.bool(setting);
                case COUNT -> settings.count(setting);
                case TEXT -> settings.get(setting);
            }
        }
        SslMode.parse(settings.require(CoreSetting.SSLMODE));
        SafetyMode.parse(settings.require(CoreSetting.SAFETY));
        ToolOptionsReader.read(settings);
        return settings;
    }

    private static JsonNode parse(Path file, String named) {
        String text = ConfigFileText.read(file, named);
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Config file " + file + " is not valid YAML: "
                    + e.getOriginalMessage() + locationOf(e), "Fix the YAML syntax at that line.", null);
        }
    }

    private static Map<Setting, String> values(JsonNode root, Path file) {
        Map<Setting, String> values = new HashMap<>();
        if (root != null && !root.isMissingNode() && !root.isNull()) {
            if (!root.isObject()) {
                throw new MigrateException(CoreErrorCode.CONFIGURATION, "Config file " + file
                        + " must be a YAML mapping "
                        + "of settings (key: value).", knownKeysHint(), null);
            }
            flatten("", root, file, values);
        }
        return values;
    }

    private static void flatten(String prefix, JsonNode node, Path file, Map<Setting, String> values) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix + field.getKey();
            if (key.equals(ALLOW)) {
                continue;
            }
            if (field.getValue().isObject()) {
                flatten(key + ".", field.getValue(), file, values);
                continue;
            }
            if (key.equals("password")) {
                throw new MigrateException(CoreErrorCode.CONFIGURATION, "Config file " + file + " contains a password.",
                        "Remove it: put the password in " + Setting.PASSWORD_VARIABLE
                                + " or in a file named by password-file.", null);
            }
            Setting setting = KnownSettings.byKey(key).orElseThrow(() -> new MigrateException(
                    CoreErrorCode.CONFIGURATION,
                    "Unknown setting '" + key + "' in " + file + ".", knownKeysHint(), null));
            values.put(setting, scalarOrList(key, field.getValue(), file));
        }
    }

    /** A value, or a YAML list of values joined with {@code ;} (maintenance windows, running releases). */
    private static String scalarOrList(String key, JsonNode value, Path file) {
        if (value.isArray() && !value.isEmpty()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.isValueNode() && !item.isNull() ? item.asText() : null));
            if (!items.contains(null)) {
                return String.join("; ", items);
            }
        }
        if (!value.isValueNode() || value.isNull()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Setting '" + key + "' in " + file
                    + " must be a single value (or a list of values).", knownKeysHint(), null);
        }
        return value.asText();
    }

    private static String knownKeysHint() {
        return "Known settings: " + KnownSettings.all().stream().map(Setting::key).collect(Collectors.joining(", "))
                + ".";
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }
}
