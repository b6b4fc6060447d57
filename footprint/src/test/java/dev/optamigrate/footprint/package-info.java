/** Measures what an application that adds opta-migrate carries. */
package dev.optamigrate.footprint;
