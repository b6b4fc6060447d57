/**
 * The MyBatis Migrations adapter (3.5, through its operations API): status, pending scripts, up with
 * per-script events, validation of missing and skipped scripts, and down by steps. MyBatis has no lock of its
 * own; opta-migrate's lock is what makes concurrent runs safe.
 */
package dev.optamigrate.tool.mybatis;
