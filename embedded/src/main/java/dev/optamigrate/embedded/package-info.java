/**
 * The embedded PostgreSQL (zonky), kept out of {@code core} so that an application never carries its binaries:
 * the persistent local server behind the CLI's {@code --embedded}, and the throw-away server of a rehearsal's
 * shadow database.
 */
package dev.optamigrate.embedded;
