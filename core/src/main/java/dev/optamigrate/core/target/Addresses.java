package dev.optamigrate.core.target;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a host and a port, whatever their source (URL, Opta variables, a Kubernetes Secret), before they reach
 * the driver: a host is a DNS name, an IPv4 address or an IPv6 literal, and never carries a port, a path or
 * parameters that would change which database is reached or smuggle in a password. An invalid value is never
 * echoed, since it may hold a secret.
 */
public final class Addresses {
    private static final int MAX_HOST_LENGTH = 253;
    private static final String LABEL = "[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?";
    private static final Pattern HOST_NAME = Pattern.compile(LABEL + "(?:\\." + LABEL + ")*\\.?");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]+(?:%[A-Za-z0-9_.-]+)?]?");
    private static final String DELIMITERS = ":/?&=@#;, ";

    private Addresses() {
    }

    /**
     * @param source names where the value came from, e.g. {@code "DBHOST"} or {@code "--url"}
     * @return the host, unchanged
     */
    public static String host(String host, String source) {
        if (host == null || host.isBlank()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, source + " names no host.", hostHint(source), null);
        }
        if (host.length() <= MAX_HOST_LENGTH && HOST_NAME.matcher(host).matches()) {
            return host;
        }
        if (host.contains(":") && IPV6.matcher(host).matches() && ipv6Literal(host)) {
            return host;
        }
        throw new MigrateException(CoreErrorCode.CONFIGURATION, source + " is not a host name or an IP address"
                + delimitersIn(host) + ". A host never carries a port, a database or parameters.", hostHint(source),
                null);
    }

    /** A TCP port from text, 1 to 65535. */
    public static int port(String text, String source) {
        try {
            return port(Integer.parseInt(text.trim()), source);
        } catch (NumberFormatException e) {
            throw portError(source);
        }
    }

    public static int port(int port, String source) {
        if (port < 1 || port > 65535) {
            throw portError(source);
        }
        return port;
    }

    private static boolean ipv6Literal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            // A literal with a colon is parsed, never looked up in DNS.
            return InetAddress.getByName(bare).getAddress().length == 16;
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    /** The URL delimiters the value holds (never the value itself), e.g. {@code " (it contains '/', '?')"}. */
    private static String delimitersIn(String host) {
        Set<String> found = new LinkedHashSet<>();
        for (char c : host.toCharArray()) {
            if (DELIMITERS.indexOf(c) >= 0) {
                found.add(c == ' ' ? "a space" : "'" + c + "'");
            }
        }
        return found.isEmpty() ? "" : " (it contains " + String.join(", ", found) + ")";
    }

    private static MigrateException portError(String source) {
        return new MigrateException(CoreErrorCode.CONFIGURATION, source + " names a port outside 1-65535, or not a "
                + "number.", "Give the database's TCP port, e.g. 5432.", null);
    }

    private static String hostHint(String source) {
        return "Set " + source + " to the database's host name or address alone (e.g. db.internal or 10.0.0.5), "
                + "with the port, database and user in their own settings.";
    }
}
