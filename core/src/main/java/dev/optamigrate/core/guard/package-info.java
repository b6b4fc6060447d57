/**
 * The lock guard: a short {@code lock_timeout} on every migration connection, retries of a migration that gave up
 * waiting for a lock, the sessions that block it (from {@code pg_blocking_pids()}), and, when asked, ending idle
 * blockers. The engine runs it in {@code GuardedMigrate}.
 */
package dev.optamigrate.core.guard;
