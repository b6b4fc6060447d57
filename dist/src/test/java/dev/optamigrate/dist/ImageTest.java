package dev.optamigrate.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectImageResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The opta-migrate image, built for real from {@code src/docker/Dockerfile} and the distribution's tar.gz, runs
 * {@code opta-migrate migrate} in a container against a PostgreSQL container. It needs a Docker engine and skips
 * itself where none answers; {@code .ci/run} starts one and names its locally built base images in
 * {@code OPTA_MIGRATE_TEST_JRE_IMAGE} and {@code OPTA_MIGRATE_TEST_POSTGRES_IMAGE} (nothing can be pulled there).
 */
@Testcontainers(disabledWithoutDocker = true)
class ImageTest {
    private static final String PASSWORD = "image-test-secret";
    private static final String MIGRATIONS = "/opta-migrate/migrations";
    private static String image;

    @BeforeAll
    static void buildImage() {
        image = new ImageFromDockerfile("opta-migrate-image-test", false)
                .withFileFromPath("Dockerfile", Path.of(System.getProperty("dockerfile")))
                .withFileFromPath(Path.of(System.getProperty("distribution")).getFileName().toString(),
                        Path.of(System.getProperty("distribution")))
                .withBuildArg("BASE_IMAGE", environment("OPTA_MIGRATE_TEST_JRE_IMAGE", "eclipse-temurin:17-jre"))
                .get();
    }

    @Test
    void runsAsANonRootUserWithOptaMigrateAsItsEntrypoint() {
        InspectImageResponse inspected = DockerClientFactory.instance().client().inspectImageCmd(image).exec();

        assertThat(inspected.getConfig().getUser()).isEqualTo("65532:65532");
        assertThat(inspected.getConfig().getEntrypoint()).containsExactly("/opt/opta-migrate/bin/opta-migrate");
    }

    /**
     * Run as a migration Job with {@code --migrator-image} runs it: Kubernetes' {@code command} replaces the
     * entrypoint with {@code opta-migrate migrate}, and the settings come as variables, the location pointing at
     * the migrations the init container copied.
     */
    @Test
    void migratesAPostgresContainerAsTheMigratorImageOfAJob() throws SQLException {
        try (Network network = Network.newNetwork();
                PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>(DockerImageName.parse(
                        environment("OPTA_MIGRATE_TEST_POSTGRES_IMAGE", "postgres:15"))
                        .asCompatibleSubstituteFor("postgres"))
                        .withNetwork(network).withNetworkAliases("db").withPassword(PASSWORD)) {
            postgres.start();
            List<String> output = new ArrayList<>();
            try (GenericContainer<?> migrator = new GenericContainer<>(image)
                    .withNetwork(network)
                    .withEnv("OPTA_MIGRATE_PASSWORD", PASSWORD)
                    .withEnv("OPTA_MIGRATE_URL", "jdbc:postgresql://db:5432/" + postgres.getDatabaseName())
                    .withEnv("OPTA_MIGRATE_USER", postgres.getUsername())
                    .withEnv("OPTA_MIGRATE_LOCATION", MIGRATIONS)
                    .withCopyFileToContainer(MountableFile.forHostPath(Path.of(System.getProperty("examples"),
                            "flyway"), 0755), MIGRATIONS)
                    .withCreateContainerCmdModifier(create -> create.withEntrypoint("opta-migrate"))
                    .withCommand("migrate", "--output", "json")
                    .withLogConsumer(frame -> output.add(frame.getUtf8String()))
                    .withStartupCheckStrategy(new OneShotStartupCheckStrategy()
                            .withTimeout(Duration.ofMinutes(2)))) {
                migrator.start();
            }

            assertThat(String.join("", output)).contains("\"applied\"").doesNotContain(PASSWORD);
            assertThat(rows(postgres, "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                    + "'public'")).contains("customers", "orders");
            assertThat(rows(postgres, "SELECT status || ' ' || strategy FROM opta_migrate.opta_migrate_journal"))
                    .containsExactly("SUCCEEDED local");
        }
    }

    private static List<String> rows(PostgreSQLContainer<?> postgres, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(),
                PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static String environment(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
