package dev.optamigrate.tool.mybatis;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.ibatis.migration.ConnectionProvider;

/**
 * MyBatis records applied scripts in its changelog table, which a script of the project creates (the first one
 * that {@code migrate init} generates). Without that table MyBatis runs the first script and then fails to record
 * it, leaving its changes behind for the next run to trip over. So before any script runs, the table must exist,
 * or {@code bootstrap.sql} or the first pending script must create it.
 */
final class ChangelogTableCheck {
    private ChangelogTableCheck() {
    }

    /**
     * @param table            the changelog table's name
     * @param bootstrap        the text of bootstrap.sql, if there is one
     * @param firstPendingName the first pending script's file name
     * @param firstPendingText its text
     * @throws MigrateException {@link ErrorCode#INVALID_MIGRATIONS} when nothing would create the table
     */
    static void require(ConnectionProvider connections, String table, Optional<String> bootstrap,
            String firstPendingName, String firstPendingText) {
        if (exists(connections, table) || creates(bootstrap.orElse(""), table) || creates(firstPendingText, table)) {
            return;
        }
        throw new MigrateException(CoreErrorCode.INVALID_MIGRATIONS, "The changelog table " + table
                + " does not exist, "
                + "and neither bootstrap.sql nor the first script (" + firstPendingName + ") creates it. Nothing was "
                + "run.", "Add the changelog script as the first script, as `migrate init` generates it "
                        + "(CREATE TABLE ${changelog} (ID NUMERIC(20,0) NOT NULL, APPLIED_AT VARCHAR(25) NOT NULL, "
                        + "DESCRIPTION VARCHAR(255) NOT NULL)), or set `changelog` in environments/*.properties to "
                        + "the table your scripts create.", null);
    }

    static boolean creates(String sql, String table) {
        return Pattern.compile("(?is)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(?:\\w+\\.)?\"?"
                + Pattern.quote(table) + "\"?(?:\\s|\\()").matcher(sql).find();
    }

    private static boolean exists(ConnectionProvider connections, String table) {
        try (Connection connection = connections.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, table);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new MigrateException(CoreErrorCode.MIGRATION_FAILED, "Cannot look up the changelog table " + table
                    + ": " + e.getMessage(), null, e);
        }
    }
}
