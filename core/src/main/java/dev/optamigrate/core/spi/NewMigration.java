package dev.optamigrate.core.spi;

import java.util.List;

/**
 * A migration to add to a source, as a tool writes it in its own format ({@link MigrationTool#write}).
 *
 * @param name          a short name for the file or changeset, in lower case with underscores
 * @param comments      lines the migration starts with, as SQL comments without their {@code --} (what it is for,
 *                      which release it belongs to, and opta-migrate markers)
 * @param statements    its statements, each without the terminating semicolon
 * @param undo          the statements that revert it, for the tools that keep them; empty when it cannot be undone
 * @param transactional whether it may run in one transaction; false for statements that cannot
 *                      ({@code CREATE INDEX CONCURRENTLY}) or that commit in batches
 */
public record NewMigration(String name, List<String> comments, List<String> statements, List<String> undo,
        boolean transactional) {

    public NewMigration {
        comments = List.copyOf(comments);
        statements = List.copyOf(statements);
        undo = List.copyOf(undo);
    }

    /** The comments and statements as one SQL script, each statement ended by a semicolon. */
    public String script() {
        StringBuilder script = new StringBuilder();
        comments.forEach(comment -> script.append("-- ").append(comment).append('\n'));
        statements.forEach(statement -> script.append(statement).append(";\n"));
        return script.toString();
    }
}
