package dev.optamigrate.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.error.ErrorCodes;
import dev.optamigrate.core.settings.KnownSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubernetesExtensionTest {

    @Test
    void serviceLoaderFindsTheModulesCodesAndSettings() {
        assertThat(ErrorCodes.all()).containsAll(List.of(KubernetesErrorCode.values()));
        assertThat(KnownSettings.all()).containsAll(List.of(KubernetesSetting.values()));
    }
}
