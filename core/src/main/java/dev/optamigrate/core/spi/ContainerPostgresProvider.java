package dev.optamigrate.core.spi;

import dev.optamigrate.core.target.Target;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A PostgreSQL container on a Docker engine, found through ServiceLoader when the module
 * {@code opta-migrate-shadow-docker} is on the classpath: {@code verify}'s shadow at the target's major version.
 */
public interface ContainerPostgresProvider {
    /** The artifact that provides it, for the error when it is missing. */
    String ARTIFACT = "dev.optamigrate:opta-migrate-shadow-docker";

    /** Whether a Docker engine answers (DOCKER_HOST, or the default socket). */
    boolean engineAnswers();

    /**
     * Starts a throw-away PostgreSQL container; it is removed when closed.
     *
     * @param image an image of PostgreSQL that honours {@code POSTGRES_USER}, {@code POSTGRES_PASSWORD} and
     *              {@code POSTGRES_DB} as the official one does, e.g. {@code postgres:15}
     */
    ContainerServer start(String image);

    /** A running PostgreSQL container. */
    interface ContainerServer extends AutoCloseable {
        Target target();

        @Override
        void close();
    }

    /** The provider on the classpath, if any. */
    static Optional<ContainerPostgresProvider> find() {
        return ServiceLoader.load(ContainerPostgresProvider.class, ContainerPostgresProvider.class.getClassLoader())
                .findFirst();
    }
}
