package dev.optamigrate.tool.liquibase;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liquibase.Scope;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Runs Liquibase calls in a scope that resolves changelog paths against the search path (and, when a project
 * classpath is given, against it too, as Liquibase resolves a Spring Boot app's includes), loads custom changes
 * and extensions with the project's class loader, sends Liquibase's console messages to its log instead of
 * standard output, and turns off its remote usage analytics (a migration tool must not call home).
 */
final class LiquibaseScope {
    private final List<Path> searchPath;
    private final ClassLoader loader;
    private final boolean projectClasspath;

    /**
     * @param loader           the class loader of custom changes and extensions
     * @param projectClasspath whether {@code loader} reads a project classpath whose resources changelogs include
     */
    LiquibaseScope(List<Path> searchPath, ClassLoader loader, boolean projectClasspath) {
        this.searchPath = List.copyOf(searchPath);
        this.loader = loader;
        this.projectClasspath = projectClasspath;
    }

    <T> T call(Scope.ScopedRunnerWithReturn<T> work) throws Exception {
        return Scope.child(attributes(), work);
    }

    private Map<String, Object> attributes() throws FileNotFoundException {
        List<ResourceAccessor> accessors = new ArrayList<>();
        for (Path root : searchPath) {
            accessors.add(new DirectoryResourceAccessor(root));
        }
        if (projectClasspath) {
            accessors.add(new ClassLoaderResourceAccessor(loader));
        }
        return Map.of(
                Scope.Attr.resourceAccessor.name(), new CompositeResourceAccessor(accessors),
                Scope.Attr.classLoader.name(), loader,
                Scope.Attr.ui.name(), new LoggerUIService(),
                "liquibase.analytics.enabled", Boolean.FALSE);
    }
}
