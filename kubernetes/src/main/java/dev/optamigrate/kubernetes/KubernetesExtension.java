package dev.optamigrate.kubernetes;

import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.spi.Extension;
import java.util.List;

/** The error codes and settings of everything that talks to a cluster. */
public final class KubernetesExtension implements Extension {
    @Override
    public List<ErrorCode> errorCodes() {
        return List.of(KubernetesErrorCode.values());
    }

    @Override
    public List<Setting> settings() {
        return List.of(KubernetesSetting.values());
    }
}
