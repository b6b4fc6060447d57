package dev.optamigrate.core.fleet;

import dev.optamigrate.core.target.Target;
import java.util.Objects;

/**
 * One member of a fleet.
 *
 * @param name   how the list names it: a schema, a database, or a URL without credentials
 * @param target where it is: for a schema, its database with the schema as {@code search_path}
 */
public record FleetTarget(String name, Target target) {
    public FleetTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
    }

    /** The physical server it lives on, whose connections the fleet bounds. */
    String server() {
        return target.hostAndPort();
    }

    /** The database whose journal holds its state: one read per database covers all its schemas. */
    String database() {
        return target.hostAndPort() + "/" + target.database();
    }
}
