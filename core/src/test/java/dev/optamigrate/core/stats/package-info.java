/** Tests of the statistics snapshot on real PostgreSQL, and of grading findings by it. */
package dev.optamigrate.core.stats;
