package dev.optamigrate.spring;

import dev.optamigrate.core.testing.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** A small application as users write one: auto-configuration, a DataSource from properties, a JdbcTemplate user. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestApp {
    static {
        // Spring Boot's logging system races when two applications start at once in one JVM (Boot 4 fails one of
        // them); real replicas are separate processes. logback-test.xml configures logging instead.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
    }

    /** Reads the migrated table as it is created: it fails if it is created before the migration. */
    public static final class GreetingReader {
        private final int greetings;

        GreetingReader(JdbcTemplate jdbc) {
            this.greetings = jdbc.queryForObject("SELECT count(*) FROM greeting", Integer.class);
        }

        public int greetings() {
            return greetings;
        }
    }

    @Bean
    GreetingReader greetingReader(JdbcTemplate jdbc) {
        return new GreetingReader(jdbc);
    }

    /** Starts the application on {@code db} with these properties over the data source's. */
    public static ConfigurableApplicationContext start(TestDatabase db, Map<String, String> properties) {
        Map<String, Object> all = new HashMap<>();
        all.put("spring.datasource.url", db.target().jdbcUrl());
        all.put("spring.datasource.username", db.target().user());
        all.put("spring.main.banner-mode", "off");
        all.putAll(properties);
        return new SpringApplicationBuilder(TestApp.class).web(WebApplicationType.NONE).properties(all).run();
    }
}
