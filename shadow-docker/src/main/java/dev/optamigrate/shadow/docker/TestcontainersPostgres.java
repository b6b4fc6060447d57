package dev.optamigrate.shadow.docker;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.ContainerPostgresProvider;
import dev.optamigrate.core.target.Password;
import dev.optamigrate.core.target.SslMode;
import dev.optamigrate.core.target.Target;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A PostgreSQL container started with Testcontainers, with a random password of its own; the image may be any that
 * behaves like the official {@code postgres} one (a private registry's copy, a locally built one).
 */
public final class TestcontainersPostgres implements ContainerPostgresProvider {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SOCKET_TIMEOUT = Duration.ofHours(1);

    @Override
    public boolean engineAnswers() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    @Override
    public ContainerServer start(String image) {
        String password = UUID.randomUUID().toString();
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(DockerImageName.parse(image)
                .asCompatibleSubstituteFor("postgres")).withPassword(password);
        try {
            container.start();
        } catch (RuntimeException e) {
            container.close();
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Cannot start the shadow container from image "
                    + image + ": " + rootMessage(e), "Give --shadow-image with a PostgreSQL image this Docker engine "
                            + "has or can pull (a private registry's copy of postgres:<major>), or use --shadow "
                            + "embedded or --shadow-url.", e);
        }
        Target target = new Target(container.getHost(), container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                container.getDatabaseName(), container.getUsername(), Optional.of(Password.of(password)),
                SslMode.DISABLE, CONNECT_TIMEOUT, SOCKET_TIMEOUT, Map.of());
        return new ContainerServer() {
            @Override
            public Target target() {
                return target;
            }

            @Override
            public void close() {
                container.close();
            }
        };
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
