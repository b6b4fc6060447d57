package dev.optamigrate.strategy.external;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.settings.KnownSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExternalExtensionTest {

    @Test
    void serviceLoaderFindsTheModulesCodesAndSettings() {
        assertThat(KnownSettings.all()).containsAll(List.of(ExternalSetting.values()));
    }
}
