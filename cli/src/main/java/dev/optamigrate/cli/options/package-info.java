/** Shared command-line options (picocli mixins) and the settings they feed. */
package dev.optamigrate.cli.options;
