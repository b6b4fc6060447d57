package dev.optamigrate.strategy.shell;

import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.spi.Extension;
import java.util.List;

/** The shell strategy's error codes. */
public final class ShellExtension implements Extension {
    @Override
    public List<ErrorCode> errorCodes() {
        return List.of(ShellErrorCode.values());
    }
}
