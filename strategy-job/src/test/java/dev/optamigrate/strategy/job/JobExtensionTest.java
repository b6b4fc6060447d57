package dev.optamigrate.strategy.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.error.ErrorCodes;
import dev.optamigrate.core.settings.KnownSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobExtensionTest {

    @Test
    void serviceLoaderFindsTheModulesCodesAndSettings() {
        assertThat(ErrorCodes.all()).containsAll(List.of(JobErrorCode.values()));
        assertThat(KnownSettings.all()).containsAll(List.of(JobSetting.values()));
    }
}
