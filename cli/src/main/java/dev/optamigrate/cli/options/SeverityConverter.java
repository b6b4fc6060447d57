package dev.optamigrate.cli.options;

import dev.optamigrate.core.analysis.Severity;
import java.util.Locale;
import picocli.CommandLine;

/** Reads {@code info}, {@code warning} or {@code error} for {@code --fail-on}. */
public final class SeverityConverter implements CommandLine.ITypeConverter<Severity> {

    @Override
    public Severity convert(String value) {
        try {
            return Severity.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a severity: use info, warning or "
                    + "error");
        }
    }
}
