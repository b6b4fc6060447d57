package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.cli.options.TargetOptions;
import dev.optamigrate.core.embedded.EmbeddedDatabase;
import dev.optamigrate.core.error.ErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.target.Target;
import dev.optamigrate.core.target.TargetResolver;
import java.io.PrintWriter;

/**
 * The target database for one command: the configured one, or with {@code --embedded} a local embedded
 * PostgreSQL that runs until the command ends.
 */
final class TargetSession implements AutoCloseable {
    private final Target target;
    private final EmbeddedDatabase embedded;

    private TargetSession(Target target, EmbeddedDatabase embedded) {
        this.target = target;
        this.embedded = embedded;
    }

    /**
     * @param notices where to say that the embedded server starts and where it listens
     */
    static TargetSession open(TargetOptions options, Settings settings, CliEnvironment environment,
            PrintWriter notices) {
        if (!options.embedded()) {
            return new TargetSession(new TargetResolver(settings).resolve(), null);
        }
        if (options.urlGiven()) {
            throw new MigrateException(ErrorCode.CONFIGURATION, "Both --embedded and --url were given.",
                    "Choose one: --embedded for a local trial database, --url for a real one.", null);
        }
        notices.println("Starting the embedded PostgreSQL (the first start unpacks its binaries) ...");
        notices.flush();
        EmbeddedDatabase database = EmbeddedDatabase.start(environment.workingDir()
                .resolve(EmbeddedDatabase.DEFAULT_DIRECTORY));
        notices.println("Embedded PostgreSQL at " + database.jdbcUrl() + " (data in " + database.dataDirectory()
                + "; stops when this command ends)");
        notices.flush();
        return new TargetSession(database.target(), database);
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
