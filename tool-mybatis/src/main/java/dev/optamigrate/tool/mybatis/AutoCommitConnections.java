package dev.optamigrate.tool.mybatis;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
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
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("commit") && method.getParameterCount() == 0 && connection.getAutoCommit()) {
                return null;
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }
}
