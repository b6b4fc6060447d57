package dev.optamigrate.core.settings;

import dev.optamigrate.core.spi.Extension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** Every setting the modules on the classpath register, in the order they register them. */
public final class KnownSettings {
    private KnownSettings() {
    }

    /**
     * The settings of every {@link Extension} found.
     *
     * @throws IllegalStateException when two settings share a key, naming both
     */
    public static List<Setting> all() {
        return Loaded.ALL;
    }

    public static Optional<Setting> byKey(String key) {
        return all().stream().filter(setting -> setting.key().equals(key)).findFirst();
    }

    /** The settings in these extensions, checked to have distinct keys. */
    static List<Setting> of(Iterable<Extension> extensions) {
        Map<String, Setting> byKey = new HashMap<>();
        List<Setting> settings = new ArrayList<>();
        for (Extension extension : extensions) {
            for (Setting setting : extension.settings()) {
                Setting before = byKey.putIfAbsent(setting.key(), setting);
                if (before != null && before != setting) {
                    throw new IllegalStateException("Setting key '" + setting.key() + "' is claimed twice: by "
                            + before.getClass().getName() + "." + before.name() + " and by "
                            + setting.getClass().getName() + "." + setting.name() + ".");
                }
                if (before == null) {
                    settings.add(setting);
                }
            }
        }
        return List.copyOf(settings);
    }

    /** Loaded once, on first use. */
    private static final class Loaded {
        static final List<Setting> ALL = of(ServiceLoader.load(Extension.class, Extension.class.getClassLoader()));
    }
}
