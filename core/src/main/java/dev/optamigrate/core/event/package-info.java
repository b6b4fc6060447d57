/**
 * Typed events of a run ({@link dev.optamigrate.core.event.MigrationEvent}) and the listener interface that
 * console output, JSON lines and notifications are built on.
 */
package dev.optamigrate.core.event;
