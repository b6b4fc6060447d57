package dev.optamigrate.core;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.spi.Extension;
import java.util.List;

/** The engine's error codes and settings. */
public final class CoreExtension implements Extension {
    @Override
    public List<ErrorCode> errorCodes() {
        return List.of(CoreErrorCode.values());
    }

    @Override
    public List<Setting> settings() {
        return List.of(CoreSetting.values());
    }
}
