package dev.optamigrate.cli.options;

import dev.optamigrate.core.settings.Setting;
import java.util.ListResourceBundle;

/**
 * Option descriptions for picocli, generated from {@link Setting} so that help, README and code say the same:
 * each key is a setting's key, each text its description with its variable and default.
 */
public final class SettingDescriptions extends ListResourceBundle {

    @Override
    protected Object[][] getContents() {
        Setting[] settings = Setting.values();
        Object[][] contents = new Object[settings.length][];
        for (int i = 0; i < settings.length; i++) {
            Setting setting = settings[i];
            String text = setting.description() + " (env " + setting.environmentVariable()
                    + (setting.defaultValue() == null ? "" : "; default " + setting.defaultValue()) + ")";
            contents[i] = new Object[] {setting.key(), text.replace("%", "%%")};
        }
        return contents;
    }
}
