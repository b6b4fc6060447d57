package dev.optamigrate.core.spi;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.target.Target;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * An embedded PostgreSQL, found through ServiceLoader when the module {@code opta-migrate-embedded} is on the
 * classpath. It is a module of its own because it carries PostgreSQL's binaries; the server distribution and
 * applications leave it out.
 */
public interface EmbeddedPostgresProvider {
    /** The artifact that provides it, for the error when it is missing. */
    String ARTIFACT = "dev.optamigrate:opta-migrate-embedded";

    /** A server whose data stays in {@code directory} across runs; it stops when closed. */
    EmbeddedServer start(Path directory);

    /** A fresh server in a temporary directory, removed when closed. */
    EmbeddedServer startThrowaway();

    /** A running embedded server. */
    interface EmbeddedServer extends AutoCloseable {
        Target target();

        /** Where its data is, for people. */
        Path dataDirectory();

        @Override
        void close();
    }

    /**
     * The provider on the classpath.
     *
     * @param alternative what to do instead, in words, for the error when it is missing
     * @throws MigrateException {@link ErrorCode#CONFIGURATION} naming the artifact when none is found
     */
    static EmbeddedPostgresProvider find(String alternative) {
        return ServiceLoader.load(EmbeddedPostgresProvider.class, EmbeddedPostgresProvider.class.getClassLoader())
                .findFirst().orElseThrow(() -> new MigrateException(CoreErrorCode.CONFIGURATION, "No embedded "
                        + "PostgreSQL is on the classpath: its module, " + ARTIFACT + ", is missing (the server "
                        + "distribution leaves out its PostgreSQL binaries).", alternative + " Or use the laptop CLI "
                        + "(./opta-migrate), which has it, or add " + ARTIFACT + ".", null));
    }
}
