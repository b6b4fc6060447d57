package dev.optamigrate.core.tool;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The class loader that finds a project's own classes and resources (custom Liquibase changes, Flyway Java
 * migrations, changelogs inside a jar): the caller's class loader, extended by the jars and directories of the
 * {@code classpath} setting, as the tools' own command lines extend theirs.
 */
public final class ProjectClassLoader {
    private ProjectClassLoader() {
    }

    /** The caller's class loader when {@code classpath} is empty, else one that also reads its entries. */
    public static ClassLoader of(List<Path> classpath) {
        ClassLoader parent = Thread.currentThread().getContextClassLoader();
        if (classpath.isEmpty()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (Path entry : classpath) {
            if (!Files.isDirectory(entry) && !(Files.isRegularFile(entry) && entry.toString().endsWith(".jar"))) {
                throw new MigrateException(CoreErrorCode.CONFIGURATION, "Classpath entry " + entry + " is neither a "
                        + "directory nor a .jar file.", "Give the project's jar or its compiled classes directory "
                                + "(e.g. target/classes), separated by ':' like java -cp.", null);
            }
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new MigrateException(CoreErrorCode.CONFIGURATION, "Classpath entry " + entry + " is not a valid "
                        + "path.", null, e);
            }
        }
        return new URLClassLoader("opta-migrate-project", urls.toArray(URL[]::new), parent);
    }
}
