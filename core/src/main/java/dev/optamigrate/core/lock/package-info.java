/**
 * The migration lock: one session-level PostgreSQL advisory lock around every run, for every tool, with a
 * bounded wait that names the holder, a check that no pooler shares its session, and a fence that notices when
 * the lock is lost mid-run.
 */
package dev.optamigrate.core.lock;
