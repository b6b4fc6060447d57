package dev.optamigrate.core.tool.liquibase;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.Map;
import liquibase.Scope;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Runs Liquibase calls in a scope that resolves changelog paths against one directory, sends Liquibase's console
 * messages to its log instead of standard output, and turns off its remote usage analytics (a migration tool
 * must not call home).
 */
final class LiquibaseScope {
    private final Path root;

    LiquibaseScope(Path root) {
        this.root = root;
    }

    <T> T call(Scope.ScopedRunnerWithReturn<T> work) throws Exception {
        return Scope.child(attributes(), work);
    }

    private Map<String, Object> attributes() throws FileNotFoundException {
        return Map.of(
                Scope.Attr.resourceAccessor.name(), new DirectoryResourceAccessor(root),
                Scope.Attr.ui.name(), new LoggerUIService(),
                "liquibase.analytics.enabled", Boolean.FALSE);
    }
}
