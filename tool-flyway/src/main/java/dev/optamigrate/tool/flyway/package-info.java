/** The Flyway adapter: status, pending SQL, migrate with per-migration events, and validation. */
package dev.optamigrate.tool.flyway;
