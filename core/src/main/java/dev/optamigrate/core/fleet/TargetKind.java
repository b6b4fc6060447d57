package dev.optamigrate.core.fleet;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.target.Target;
import java.util.Locale;

/** What a bare name in a fleet's list is: a schema of the base target's database, or a database on its server. */
public enum TargetKind {
    SCHEMA, DATABASE;

    public static TargetKind parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new MigrateException(CoreErrorCode.CONFIGURATION, "--kind " + text + " is not a kind of fleet "
                    + "target.",
                    "Give schema (each name is a schema of the target's database) or database (each name is a "
                            + "database on the target's server).", null);
        }
    }

    FleetTarget of(String name, Target base) {
        return new FleetTarget(name, this == SCHEMA ? base.withSchema(name) : base.withDatabase(name));
    }
}
