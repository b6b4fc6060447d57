package dev.optamigrate.tool.mybatis;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.ibatis.migration.ConnectionProvider;

/**
 * Connections for MyBatis Migrations with {@code auto_commit=true}: every statement commits on its own, so the
 * {@code commit()} that MyBatis sends after recording a script has nothing left to commit. PostgreSQL's driver
 * refuses that call ("Cannot commit when autoCommit is enabled") although the script and its changelog row are
 * already committed; here it does nothing, as it would on a driver that accepts it, and every other call goes to
 * the real connection.
 */
final class AutoCommitConnections implements ConnectionProvider {
    private final DataSource dataSource;

    AutoCommitConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = dataSource.getConnection();
        return SkippingConnection.wrap(connection, method -> method.equals("commit") && connection.getAutoCommit());
    }
}
