package dev.optamigrate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The version from the build, for {@code --version} and {@code version}. */
public final class VersionInfo implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"opta-migrate " + version(), "Java " + Runtime.version()};
    }

    /** This build's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }
}
