package dev.optamigrate.cli.command;

import dev.optamigrate.cli.CliEnvironment;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.rehearsal.Shadow;
import dev.optamigrate.core.target.Target;
import dev.optamigrate.core.target.TargetResolver;
import java.io.PrintWriter;
import java.util.OptionalInt;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** Where a rehearsal's shadow database comes from: {@code --shadow}, {@code --shadow-url}, {@code --shadow-image}. */
final class ShadowChoice {
    /** Where the password of the --shadow-url server comes from. */
    static final String SHADOW_PASSWORD_VARIABLE = "OPTA_MIGRATE_SHADOW_PASSWORD";

    @Option(names = "--shadow-url", paramLabel = "JDBC_URL", description = "A server for the shadow: a scratch "
            + "database is created there and dropped after. Default: a throw-away embedded PostgreSQL.")
    String shadowUrl;

    @Option(names = "--shadow", paramLabel = "KIND", description = "What the shadow is: embedded (a throw-away "
            + "embedded PostgreSQL 17, the default), docker (a throw-away PostgreSQL container of the target's major "
            + "version) or auto (docker when an engine answers, else embedded; it says which).")
    String shadowKind;

    @Option(names = "--shadow-image", paramLabel = "IMAGE", description = "With --shadow docker or auto: the "
            + "PostgreSQL image, e.g. a private registry's copy. Default: postgres:<the target's major version>.")
    String shadowImage;

    /**
     * The choice, checked before anything starts: given the target's major version (when known), it opens a new
     * shadow.
     */
    Function<OptionalInt, Shadow> checked(CliEnvironment environment, PrintWriter notices) {
        if (shadowUrl != null && shadowKind != null) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "--shadow-url and --shadow " + shadowKind
                    + " both choose the shadow.", "Give one of them.", null);
        }
        if (shadowUrl != null) {
            Target server = TargetResolver.otherServer(shadowUrl, "--shadow-url", SHADOW_PASSWORD_VARIABLE,
                    environment.variables());
            return major -> Shadow.scratchDatabase(server);
        }
        ShadowServers.Mode mode = shadowKind == null ? ShadowServers.Mode.EMBEDDED
                : ShadowServers.Mode.parse(shadowKind);
        return major -> new ShadowServers(notices).open(mode, shadowImage, major);
    }
}
