/** The embedded PostgreSQL behind {@code --embedded}: a persistent local server for trying things out. */
package dev.optamigrate.core.embedded;
