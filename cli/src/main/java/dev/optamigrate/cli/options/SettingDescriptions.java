package dev.optamigrate.cli.options;

import dev.optamigrate.core.settings.KnownSettings;
import dev.optamigrate.core.settings.Setting;
import java.util.List;
import java.util.ListResourceBundle;

/**
 * Option descriptions for picocli, generated from every module's {@link Setting}s so that help, README and code say the
 * same:
 * each key is a setting's key, each text its description with its variable and default.
 */
public final class SettingDescriptions extends ListResourceBundle {

    @Override
    protected Object[][] getContents() {
        List<Setting> settings = KnownSettings.all();
        Object[][] contents = new Object[settings.size()][];
        for (int i = 0; i < settings.size(); i++) {
            Setting setting = settings.get(i);
            String text = setting.description() + " (env " + setting.environmentVariable()
                    + (setting.defaultValue() == null ? "" : "; default " + setting.defaultValue()) + ")";
            contents[i] = new Object[] {setting.key(), text.replace("%", "%%")};
        }
        return contents;
    }
}
