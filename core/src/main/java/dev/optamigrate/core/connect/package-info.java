/**
 * Connections to the target: a data source with timeouts and keepalives always on, session settings set after
 * connecting (so that poolers pass them), and the translation of connection failures (refused, unresolvable,
 * timed out, wrong password, missing database, a pooler's refusal) into clear errors.
 */
package dev.optamigrate.core.connect;
