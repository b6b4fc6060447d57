/**
 * The external strategy: runs the engine in this process against a database outside the cluster's network
 * reach of this machine, after a preflight that turns each typical failure (name, route, TLS, login, database)
 * into one sentence with its cause and fix; with credentials read from the service's Secret, through a
 * short-lived tunnel pod, and with a protected target confirmed up front.
 */
package dev.optamigrate.strategy.external;
