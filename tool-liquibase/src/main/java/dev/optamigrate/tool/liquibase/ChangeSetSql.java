package dev.optamigrate.tool.liquibase;

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
 */
final class ChangeSetSql {
    private ChangeSetSql() {
    }

    static String of(ChangeSet changeSet, Database database) {
        StringBuilder sql = new StringBuilder();
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
}
