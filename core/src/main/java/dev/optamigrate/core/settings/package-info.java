/**
 * Settings: the list of {@link dev.optamigrate.core.settings.Setting}s and their precedence (flags over the
 * environment over {@code opta-migrate.yaml} over the defaults), and duration parsing.
 */
package dev.optamigrate.core.settings;
