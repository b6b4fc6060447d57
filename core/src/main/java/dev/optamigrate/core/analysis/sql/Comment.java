package dev.optamigrate.core.analysis.sql;

/**
 * A comment of a script, for directives such as {@code -- opta-migrate:allow}.
 *
 * @param text the comment without its {@code --} or {@code /* *}{@code /} markers, stripped
 * @param line the 1-based line it starts on
 */
public record Comment(String text, int line) {
}
