package dev.optamigrate.core.spi;

import java.util.List;

/**
 * The outcome of validating applied migrations against the source.
 *
 * @param problems one sentence per mismatch (changed checksum, missing file, failed migration); empty when valid
 */
public record ValidationResult(List<String> problems) {
    public ValidationResult {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
