package dev.optamigrate.core.spi;

/** One migration tool (Flyway, Liquibase, MyBatis Migrations) behind the common interface. */
public interface MigrationTool {

    String name();

    /**
     * Opens a session on the context's database for the context's migration source. Opening reads the source,
     * so a missing or malformed location fails here.
     */
    MigrationSession open(ToolContext context);
}
