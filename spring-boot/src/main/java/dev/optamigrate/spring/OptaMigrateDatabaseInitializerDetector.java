package dev.optamigrate.spring;

import java.util.Collections;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link OptaMigrateInitializer} initializes the database, so that the beans that need an
 * initialized database ({@code JdbcTemplate}, JPA's {@code EntityManagerFactory}, beans marked
 * {@code @DependsOnDatabaseInitialization}) are created after it.
 */
public final class OptaMigrateDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {
    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Collections.singleton(OptaMigrateInitializer.class);
    }
}
