/**
 * How a run that changes the schema is conducted: the person on standby, and the maintenance windows it must run
 * in, checked before anything changes.
 */
package dev.optamigrate.core.policy;
