/** Checks the server distribution: what goes into lib/, and that bin/opta-migrate runs it. */
package dev.optamigrate.dist;
