/** Output: events and state for people (console) and for scripts (JSON lines). */
package dev.optamigrate.cli.output;
