package dev.optamigrate.embedded;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.spi.EmbeddedPostgresProvider;
import dev.optamigrate.core.target.SslMode;
import dev.optamigrate.core.target.Target;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A local PostgreSQL (zonky's embedded binaries, no Docker needed) whose data persists in a directory, started
 * for one command and stopped after it. Used only when asked for ({@code --embedded}).
 */
public final class EmbeddedDatabase implements EmbeddedPostgresProvider.EmbeddedServer {
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts the server on a free port; its data lives (and is reused) under {@code directory/data}. */
    public static EmbeddedDatabase start(Path directory) {
        Path data = directory.resolve("data").toAbsolutePath();
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new EmbeddedDatabase(postgres, data);
        } catch (IOException | RuntimeException e) {
            throw new MigrateException(CoreErrorCode.CANNOT_CONNECT, "The embedded PostgreSQL did not start (data in "
                    + data + "): " + e.getMessage(), "Another opta-migrate --embedded may be using that directory; "
                            + "wait for it, or delete the directory to start afresh.", e);
        }
    }

    /** Starts a throw-away server on a free port, its data in a temporary directory that is deleted when it stops. */
    public static EmbeddedDatabase startThrowaway() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
            return new EmbeddedDatabase(postgres, null);
        } catch (IOException | RuntimeException e) {
            throw new MigrateException(CoreErrorCode.CANNOT_CONNECT, "The embedded PostgreSQL did not start: "
                    + e.getMessage(), "Check the free disk space in the temporary directory, or use --shadow-url.",
                    e);
        }
    }

    /** The database {@code postgres} as the superuser, over TCP on localhost. */
    @Override
    public Target target() {
        return new Target("localhost", postgres.getPort(), "postgres", SUPERUSER, Optional.empty(), SslMode.DISABLE,
                Duration.ofSeconds(10), Duration.ofHours(1), Map.of());
    }

    /** Where its data lives; {@code null} for a throw-away server, whose temporary directory is its own. */
    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new MigrateException(CoreErrorCode.INTERNAL, "The embedded PostgreSQL did not stop cleanly: "
                    + e.getMessage(), e);
        }
    }
}
