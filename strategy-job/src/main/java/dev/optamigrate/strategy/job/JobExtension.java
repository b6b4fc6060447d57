package dev.optamigrate.strategy.job;

import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.spi.Extension;
import java.util.List;

/** The migration Job's error codes and settings. */
public final class JobExtension implements Extension {
    @Override
    public List<ErrorCode> errorCodes() {
        return List.of(JobErrorCode.values());
    }

    @Override
    public List<Setting> settings() {
        return List.of(JobSetting.values());
    }
}
