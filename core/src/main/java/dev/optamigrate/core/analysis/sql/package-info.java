/**
 * Reading PostgreSQL migration scripts: a lexer that knows comments (nested ones too), quoted identifiers, string
 * constants and dollar quoting, and a splitter that cuts a script into statements with their line numbers.
 */
package dev.optamigrate.core.analysis.sql;
