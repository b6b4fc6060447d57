package dev.optamigrate.core.target;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where the database is. The password never prints: {@link #toString()} and {@link #describe()} leave it out.
 *
 * @param host           host name or address
 * @param port           TCP port
 * @param database       database name
 * @param user           role to connect as
 * @param password       the password, or empty when the server needs none
 * @param sslMode        TLS mode
 * @param connectTimeout how long to wait for the TCP connection and the login
 * @param socketTimeout  how long one statement may wait for the server; zero waits forever
 * @param properties     further JDBC driver properties from the URL (never a password)
 */
public record Target(String host, int port, String database, String user, Optional<Password> password,
        SslMode sslMode, Duration connectTimeout, Duration socketTimeout, Map<String, String> properties) {

    public static final int DEFAULT_PORT = 5432;
    private static final String SCHEMA_PROPERTY = "currentSchema";

    public Target {
        Addresses.host(host, "The target's host");
        Addresses.port(port, "The target's port");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(sslMode, "sslMode");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(socketTimeout, "socketTimeout");
        properties = Map.copyOf(properties);
    }

    /**
     * The JDBC URL without user or password, for display and for tools that take a URL, built by the driver (which
     * encodes the database name), never by pasting text together.
     */
    public String jdbcUrl() {
        PGSimpleDataSource url = new PGSimpleDataSource();
        url.setServerNames(new String[] {urlHost()});
        url.setPortNumbers(new int[] {port});
        url.setDatabaseName(database);
        return url.getUrl();
    }

    public String hostAndPort() {
        return urlHost() + ":" + port;
    }

    /** The host, with an IPv6 literal in brackets as URLs (and the driver's server names) write it. */
    public String urlHost() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** A one-line description that is safe to print: user, host, port, database, schema if any and TLS mode. */
    public String describe() {
        return user + "@" + hostAndPort() + "/" + database + schema().map(name -> " schema " + name).orElse("")
                + " (sslmode=" + sslMode.value() + ")";
    }

    /**
     * The schema this target is, when it is one schema of a database (a fleet's tenant): the driver's
     * {@code currentSchema}, which makes it the connection's {@code search_path}, so that the tools keep their history
     * there and unqualified names land there.
     */
    public Optional<String> schema() {
        return Optional.ofNullable(properties.get(SCHEMA_PROPERTY));
    }

    /** The same database with the given schema as the connection's {@code search_path}. */
    public Target withSchema(String schema) {
        Map<String, String> more = new TreeMap<>(properties);
        more.put(SCHEMA_PROPERTY, schema);
        return new Target(host, port, database, user, password, sslMode, connectTimeout, socketTimeout, more);
    }

    /** The same database without a schema of its own: the server's default {@code search_path}. */
    public Target withoutSchema() {
        Map<String, String> fewer = new TreeMap<>(properties);
        fewer.remove(SCHEMA_PROPERTY);
        return new Target(host, port, database, user, password, sslMode, connectTimeout, socketTimeout, fewer);
    }

    public Target withPassword(Password newPassword) {
        return new Target(host, port, database, user, Optional.of(newPassword), sslMode, connectTimeout,
                socketTimeout, properties);
    }

    public Target withDatabase(String newDatabase) {
        return new Target(host, port, newDatabase, user, password, sslMode, connectTimeout, socketTimeout,
                properties);
    }

    /** The same database reached at another address, for example through a local tunnel. */
    public Target withAddress(String newHost, int newPort) {
        return new Target(newHost, newPort, database, user, password, sslMode, connectTimeout, socketTimeout,
                properties);
    }

    public Target withSslMode(SslMode newSslMode) {
        return new Target(host, port, database, user, password, newSslMode, connectTimeout, socketTimeout,
                properties);
    }

    @Override
    public String toString() {
        return "Target[" + describe() + ", password=" + (password.isPresent() ? password.get() : "none")
                + ", properties=" + new TreeMap<>(properties) + "]";
    }
}
