/** The registry of migration tools found by ServiceLoader; each adapter lives in a sub-package. */
package dev.optamigrate.core.tool;
