package dev.optamigrate.tool.mybatis;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/** A connection whose calls go to a real one, except the parameterless calls a rule skips (they then do nothing). */
final class SkippingConnection {
    /** Decides, for a parameterless call such as {@code commit}, whether to skip it. */
    interface Rule {
        boolean skips(String method) throws SQLException;
    }

    private SkippingConnection() {
    }

    static Connection wrap(Connection connection, Rule rule) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getParameterCount() == 0 && rule.skips(method.getName())) {
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
