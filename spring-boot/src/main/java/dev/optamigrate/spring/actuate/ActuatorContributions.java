package dev.optamigrate.spring.actuate;

import dev.optamigrate.spring.MigrationStatusReport;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The health indicator of whichever Spring Boot generation runs, and the info contributor, when Actuator is there. */
@Configuration(proxyBeanMethods = false)
@Import({ActuatorContributions.BootThreeHealth.class, ActuatorContributions.BootFourHealth.class,
    ActuatorContributions.InfoContribution.class})
public class ActuatorContributions {
    /** Spring Boot 3's health API. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.AbstractHealthIndicator")
    static class BootThreeHealth {
        @Bean
        BootThreeHealthIndicator optaMigrateHealthIndicator(MigrationStatusReport report) {
            return new BootThreeHealthIndicator(report);
        }
    }

    /** Spring Boot 4's health API. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.AbstractHealthIndicator")
    static class BootFourHealth {
        @Bean
        BootFourHealthIndicator optaMigrateHealthIndicator(MigrationStatusReport report) {
            return new BootFourHealthIndicator(report);
        }
    }

    /** Actuator's info endpoint. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.info.InfoContributor")
    static class InfoContribution {
        @Bean
        MigrationInfoContributor optaMigrateInfoContributor(MigrationStatusReport report) {
            return new MigrationInfoContributor(report);
        }
    }
}
