package dev.optamigrate.cli.command;

import dev.optamigrate.core.analysis.PendingScripts;
import dev.optamigrate.core.connect.Connections;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.rehearsal.Shadow;
import dev.optamigrate.core.spi.ContainerPostgresProvider;
import dev.optamigrate.core.spi.EmbeddedPostgresProvider;
import dev.optamigrate.core.target.Target;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where {@code verify} rehearses: a throw-away embedded PostgreSQL (17), a PostgreSQL container of the target's
 * major version on a Docker engine, or whichever of the two answers ({@code auto}); a {@code --shadow-url} server is
 * chosen before this.
 */
final class ShadowServers {
    /** The embedded server's major version, and a container's when there is no target to match. */
    static final int EMBEDDED_MAJOR = 17;

    /** How the shadow is chosen. */
    enum Mode {
        EMBEDDED, DOCKER, AUTO;

        static Mode parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new MigrateException(CoreErrorCode.CONFIGURATION, "--shadow " + text + " is not a kind of "
                        + "shadow.", "Give embedded, docker or auto; or --shadow-url for a server of your own.", null);
            }
        }
    }

    private final PrintWriter notices;

    ShadowServers(PrintWriter notices) {
        this.notices = notices;
    }

    /**
     * @param image       the container's image, or {@code null} for {@code postgres:<the target's major>}
     * @param targetMajor the target's major version, which a container matches, if known
     */
    Shadow open(Mode mode, String image, OptionalInt targetMajor) {
        if (mode == Mode.EMBEDDED) {
            return embedded(targetMajor);
        }
        Optional<ContainerPostgresProvider> docker = ContainerPostgresProvider.find();
        boolean answers = docker.isPresent() && docker.get().engineAnswers();
        if (mode == Mode.DOCKER && !answers) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, docker.isEmpty() ? "--shadow docker needs "
                    + ContainerPostgresProvider.ARTIFACT + ", which is not on the classpath."
                    : "--shadow docker: no Docker engine answers (DOCKER_HOST, or the default socket).",
                    "Start Docker or point DOCKER_HOST at an engine; or rehearse with --shadow embedded (PostgreSQL "
                            + EMBEDDED_MAJOR + ") or on a server of your own with --shadow-url.", null);
        }
        if (!answers) {
            say("No Docker engine answers (--shadow auto): the shadow is the embedded PostgreSQL " + EMBEDDED_MAJOR
                    + ".");
            return embedded(targetMajor);
        }
        int major = targetMajor.orElse(EMBEDDED_MAJOR);
        String chosen = image != null ? image : "postgres:" + major;
        say("Starting a throw-away PostgreSQL container from " + chosen + " for the shadow"
                + (targetMajor.isPresent() ? " (the target runs PostgreSQL " + major + ")" : "") + " ...");
        ContainerPostgresProvider.ContainerServer server = docker.get().start(chosen);
        return Shadow.of(server.target(), "Docker container " + chosen + " (PostgreSQL " + version(server.target())
                + ")", server::close);
    }

    private Shadow embedded(OptionalInt targetMajor) {
        targetMajor.stream().filter(major -> major != EMBEDDED_MAJOR).forEach(major ->
                say("The target runs PostgreSQL " + major + ", the embedded shadow " + EMBEDDED_MAJOR + ": lock "
                        + "and rewrite behaviour can differ between major versions (--shadow docker matches it)."));
        say("Starting a throw-away embedded PostgreSQL for the shadow ...");
        EmbeddedPostgresProvider.EmbeddedServer server = EmbeddedPostgresProvider.find("Give verify a server for "
                + "its scratch database with --shadow-url, or use --shadow docker.").startThrowaway();
        return Shadow.of(server.target(), "embedded PostgreSQL " + version(server.target()) + " at "
                + server.target().hostAndPort(), server::close);
    }

    private void say(String notice) {
        notices.println(notice);
        notices.flush();
    }

    /** The target's major version, read from the server. */
    static int majorVersion(Target target) {
        try (Connection connection = new Connections(target, Connections.applicationName()).open()) {
            return PendingScripts.serverMajorVersion(connection);
        } catch (SQLException e) {
            throw lost(target, e);
        }
    }

    private static String version(Target server) {
        try (Connection connection = new Connections(server, Connections.applicationName()).open();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW server_version")) {
            result.next();
            return result.getString(1).split(" ")[0];
        } catch (SQLException e) {
            throw lost(server, e);
        }
    }

    private static MigrateException lost(Target server, SQLException e) {
        return new MigrateException(CoreErrorCode.CANNOT_CONNECT, "Lost the connection to " + server.describe()
                + " while reading its version: " + e.getMessage(), e);
    }
}
