package dev.optamigrate.core.connect;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name of the machine (or pod) this process runs on, for the lock holder and the journal. */
public final class Hosts {
    private Hosts() {
    }

    public static String localName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
