/**
 * Actuator contributions, present only when the application has Actuator: a health indicator and an info
 * contributor ({@code optaMigrate}) with the schema's version, the pending count and the journal's last run. Spring
 * Boot 4 moved the health API to a package of its own, so each Boot generation has its own indicator.
 */
package dev.optamigrate.spring.actuate;
