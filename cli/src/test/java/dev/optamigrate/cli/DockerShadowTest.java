package dev.optamigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.testing.MigrationSets;
import dev.optamigrate.core.testing.TestImages;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * {@code verify} against a target of another major version than the embedded server's (a PostgreSQL container,
 * 15 in CI, where the image is built from Debian's packages and named in {@code OPTA_MIGRATE_TEST_POSTGRES_IMAGE}):
 * the shadow is a container of the same major. It needs a Docker engine and skips itself where none answers.
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerShadowTest {
    private static final String IMAGE = TestImages.postgres();
    private static final String PASSWORD = "docker-shadow-secret";

    @Container
    static final PostgreSQLContainer<?> TARGET = new PostgreSQLContainer<>(DockerImageName.parse(IMAGE)
            .asCompatibleSubstituteFor("postgres")).withPassword(PASSWORD);

    @TempDir
    Path dir;

    @Test
    void theShadowRunsTheTargetsMajorVersionWithDockerAndWithAuto() throws SQLException {
        Path location = MigrationSets.copy("flyway", dir.resolve("m"));
        String url = "jdbc:postgresql://" + TARGET.getHost() + ":" + TARGET.getFirstMappedPort() + "/"
                + TARGET.getDatabaseName() + "?user=" + TARGET.getUsername();
        Map<String, String> env = Map.of("OPTA_MIGRATE_PASSWORD", PASSWORD);
        String major = targetMajorVersion();

        Cli.Result docker = Cli.run(env, dir, "verify", "--url", url, "--location", location.toString(),
                "--shadow", "docker", "--shadow-image", IMAGE);
        Cli.Result auto = Cli.run(env, dir, "verify", "--url", url, "--location", location.toString(),
                "--shadow", "auto", "--shadow-image", IMAGE, "--output", "json");

        assertThat(docker.exitCode()).as(docker.all()).isZero();
        assertThat(docker.out()).contains("the target runs PostgreSQL " + major, "Rehearsed on the Docker container "
                + IMAGE + " (PostgreSQL " + major).doesNotContain(PASSWORD);
        assertThat(auto.exitCode()).as(auto.all()).isZero();
        assertThat(auto.out()).contains("\"shadow\":\"Docker container " + IMAGE + " (PostgreSQL " + major);
    }

    private static String targetMajorVersion() throws SQLException {
        try (Connection connection = DriverManager.getConnection(TARGET.getJdbcUrl(), TARGET.getUsername(), PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW server_version_num")) {
            result.next();
            return Integer.toString(result.getInt(1) / 10000);
        }
    }
}
