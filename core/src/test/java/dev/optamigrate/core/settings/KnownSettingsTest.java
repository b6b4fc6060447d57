package dev.optamigrate.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optamigrate.core.spi.Extension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownSettingsTest {
    @TempDir
    Path directory;

    @Test
    void serviceLoaderFindsTheEngineSettings() {
        assertThat(KnownSettings.all()).containsAll(List.of(CoreSetting.values()));
        assertThat(KnownSettings.byKey("lock-wait")).contains(CoreSetting.LOCK_WAIT);
        assertThat(KnownSettings.byKey("no-such-setting")).isEmpty();
    }

    @Test
    void twoSettingsWithOneKeyAreRefusedNamingBoth() {
        Extension clashing = new Extension() {
            @Override
            public List<Setting> settings() {
                return List.of(PluginSetting.LOCATION_AGAIN);
            }
        };

        assertThatThrownBy(() -> KnownSettings.of(List.of(engine(), clashing)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'location'").hasMessageContaining("CoreSetting.LOCATION")
                .hasMessageContaining("LOCATION_AGAIN");
    }

    @Test
    void namesGiveTheKeyTheFlagAndTheVariable() {
        assertThat(CoreSetting.LOCK_WAIT.names()).isEqualTo("lock-wait (--lock-wait or OPTA_MIGRATE_LOCK_WAIT)");
    }

    @Test
    void everyTypedSettingIsCheckedWhenLoaded() {
        Map<String, String> environment = Map.of("OPTA_MIGRATE_LOCK_WAIT", "soon");

        assertThatThrownBy(() -> SettingsLoader.load(Map.of(), environment, Optional.empty(), directory))
                .hasMessageContaining("lock-wait").hasMessageContaining("OPTA_MIGRATE_LOCK_WAIT");
    }

    /** A plugin setting that takes a key the engine already has. */
    enum PluginSetting implements Setting {
        LOCATION_AGAIN;

        @Override
        public Definition definition() {
            return new Definition("location", null, Kind.TEXT, "clashes with the engine's location");
        }
    }

    private static Extension engine() {
        return new Extension() {
            @Override
            public List<Setting> settings() {
                return List.of(CoreSetting.values());
            }
        };
    }
}
