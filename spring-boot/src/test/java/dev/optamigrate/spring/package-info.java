/**
 * Tests of the starter with real application contexts on real PostgreSQL, for Flyway and for Liquibase; the
 * spring-boot-4-tests module runs them again on Spring Boot 4.
 */
package dev.optamigrate.spring;
