package dev.optamigrate.strategy.external;

import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.spi.Extension;
import java.util.List;

/** The external strategy's settings. */
public final class ExternalExtension implements Extension {
    @Override
    public List<Setting> settings() {
        return List.of(ExternalSetting.values());
    }
}
