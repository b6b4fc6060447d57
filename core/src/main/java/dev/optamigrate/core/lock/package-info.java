/**
 * The migration lock: one session-level PostgreSQL advisory lock around every run, for every tool, with a
 * bounded wait that names the holder.
 */
package dev.optamigrate.core.lock;
