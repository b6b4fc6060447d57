/**
 * Release-aware expand/contract: the retirements the journal records, the releases that still run, and the
 * contract gate that lets a migration remove what it retired only once no server runs a release from before the
 * retirement.
 */
package dev.optamigrate.core.release;
