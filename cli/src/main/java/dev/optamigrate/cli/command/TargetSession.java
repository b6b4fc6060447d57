package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.cli.options.TargetOptions;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.spi.EmbeddedPostgresProvider;
import dev.optamigrate.core.target.Target;
import dev.optamigrate.core.target.TargetResolver;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The target database for one command: the configured one, or with {@code --embedded} a local embedded
 * PostgreSQL that runs until the command ends.
 */
final class TargetSession implements AutoCloseable {
    private Target target;
    /** Where {@code --embedded} keeps its data, relative to the working directory. */
    private static final Path EMBEDDED_DIRECTORY = Path.of(".opta-migrate", "embedded");

    private EmbeddedPostgresProvider.EmbeddedServer embedded;

    private TargetSession(Target target) {
        this.target = target;
    }

    /**
     * Checks the target settings without starting anything: resolves the configured target, or, with
     * {@code --embedded}, checks that no other target was given.
     */
    static TargetSession configure(TargetOptions options, Settings settings) {
        if (!options.embedded()) {
            return new TargetSession(new TargetResolver(settings).resolve());
        }
        if (options.urlGiven()) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "Both --embedded and --url were given.",
                    "Choose one: --embedded for a local trial database, --url for a real one.", null);
        }
        return new TargetSession(null);
    }

    /**
     * Starts the embedded PostgreSQL when one was asked for.
     *
     * @param notices where to say that it starts and where it listens
     */
    TargetSession start(CliEnvironment environment, PrintWriter notices) {
        if (target != null) {
            return this;
        }
        EmbeddedPostgresProvider provider = EmbeddedPostgresProvider.find("Give the database with --url instead.");
        notices.println("Starting the embedded PostgreSQL (the first start unpacks its binaries) ...");
        notices.flush();
        embedded = provider.start(environment.workingDir().resolve(EMBEDDED_DIRECTORY));
        notices.println("Embedded PostgreSQL at " + embedded.target().jdbcUrl() + " (data in "
                + embedded.dataDirectory() + "; stops when this command ends)");
        notices.flush();
        target = embedded.target();
        return this;
    }

    Target target() {
        return target;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
