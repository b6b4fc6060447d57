package dev.optamigrate.tool.liquibase;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;

/**
 * The SQL a changeset runs on a database, from Liquibase's own statement generators: what {@code update-sql}
 * prints for it, without running that command (which parses the changelog again, reads the history again, and
 * takes and releases Liquibase's lock row). A formatted-SQL changeset gives back its own statements.
 *
 * <p>The generated SQL has none of the author's comments, so the opta-migrate directives among them (in the
 * changeset's comment, or in the comments of its SQL) come first, as comments of their own: the phase and
 * retirement markers, and the acceptances of the contract gate.
 */
final class ChangeSetSql {
    private static final Pattern DIRECTIVE = Pattern.compile("opta-migrate:(phase|retire|allow)\\b[^\\n*]*");

    private ChangeSetSql() {
    }

    static String of(ChangeSet changeSet, Database database) {
        StringBuilder sql = new StringBuilder();
        Set<String> directives = new LinkedHashSet<>(directives(changeSet.getComments()));
        for (Change change : changeSet.getChanges()) {
            if (change instanceof AbstractSQLChange written) {
                directives.addAll(directives(written.getSql()));
            }
        }
        directives.forEach(directive -> sql.append("-- ").append(directive).append('\n'));
        SqlGeneratorFactory generators = SqlGeneratorFactory.getInstance();
        for (Change change : changeSet.getChanges()) {
            for (SqlStatement statement : change.generateStatements(database)) {
                for (Sql generated : generators.generateSql(statement, database)) {
                    String end = generated.getEndDelimiter();
                    sql.append(generated.toSql()).append(end == null ? ";" : end).append('\n');
                }
            }
        }
        return sql.toString().strip();
    }

    private static List<String> directives(String text) {
        List<String> found = new ArrayList<>();
        if (text != null) {
            Matcher directive = DIRECTIVE.matcher(text);
            while (directive.find()) {
                found.add(directive.group().strip());
            }
        }
        return found;
    }
}
