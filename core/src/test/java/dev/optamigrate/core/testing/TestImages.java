package dev.optamigrate.core.testing;

/**
 * The container images the Docker tests use. Nothing can be pulled in CI: {@code .ci/run} builds them from
 * Debian's packages and names them in variables; elsewhere the official images are the default.
 */
public final class TestImages {
    private TestImages() {
    }

    /** A PostgreSQL of another major version than the embedded server's 17: {@code postgres:15} by default. */
    public static String postgres() {
        String given = System.getenv("OPTA_MIGRATE_TEST_POSTGRES_IMAGE");
        return given == null || given.isBlank() ? "postgres:15" : given;
    }
}
