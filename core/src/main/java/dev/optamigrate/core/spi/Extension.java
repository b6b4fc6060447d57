package dev.optamigrate.core.spi;

import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.settings.Setting;
import java.util.List;

/**
 * What a module adds to the vocabulary every module shares: its error codes, each with its exit code, and its
 * settings, each with its key and variable. Register an implementation in
 * {@code META-INF/services/dev.optamigrate.core.spi.Extension}; help texts, the README's tables and the config
 * file reader then know them, and a clash with another module's exit code or key is refused at start.
 */
public interface Extension {

    /** The module's error codes; none by default. */
    default List<ErrorCode> errorCodes() {
        return List.of();
    }

    /** The module's settings; none by default. */
    default List<Setting> settings() {
        return List.of();
    }
}
