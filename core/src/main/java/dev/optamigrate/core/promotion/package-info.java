/**
 * Staging first: the record of each migration an environment applied (tool, identity, checksum, release, duration),
 * its export as a receipt, and the promotion gate that lets a target run only what succeeded on the environment it
 * names.
 */
package dev.optamigrate.core.promotion;
