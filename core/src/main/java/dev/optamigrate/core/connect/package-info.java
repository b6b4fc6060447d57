/**
 * Connections to the target: a data source with timeouts and keepalives always on, and the translation of
 * connection failures (refused, unresolvable, timed out, wrong password, missing database) into clear errors.
 */
package dev.optamigrate.core.connect;
