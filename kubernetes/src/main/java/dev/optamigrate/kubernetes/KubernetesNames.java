package dev.optamigrate.kubernetes;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.util.regex.Pattern;

/**
 * Kubernetes' rules for object names, checked before any API call, so that a typo gets the rule instead of "cannot
 * reach the API" or a manifest the cluster will refuse. Namespaces, containers and services are DNS-1123 labels;
 * Deployments, Secrets and Jobs are DNS-1123 subdomains.
 */
public final class KubernetesNames {
    private static final int LABEL_LIMIT = 63;
    private static final int SUBDOMAIN_LIMIT = 253;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SUBDOMAIN = Pattern.compile(LABEL.pattern() + "(\\." + LABEL.pattern() + ")*");

    private KubernetesNames() {
    }

    /**
     * @param what names the value and where it came from, e.g. {@code "The namespace (from --namespace)"}
     * @return the name, unchanged
     */
    public static String label(String name, String what) {
        if (name == null || name.length() > LABEL_LIMIT || !LABEL.matcher(name).matches()) {
            throw invalid(name, what, "a DNS-1123 label: at most 63 characters, lower-case letters, digits and "
                    + "'-', starting and ending with a letter or digit (e.g. shop-api)");
        }
        return name;
    }

    /** Like {@link #label}, for names that may also hold dots. */
    public static String subdomain(String name, String what) {
        if (name == null || name.length() > SUBDOMAIN_LIMIT || !SUBDOMAIN.matcher(name).matches()) {
            throw invalid(name, what, "a DNS-1123 subdomain: at most 253 characters, lower-case letters, digits, "
                    + "'-' and '.', each dot-separated part starting and ending with a letter or digit");
        }
        return name;
    }

    private static MigrateException invalid(String name, String what, String rule) {
        String shown = name == null ? "empty" : name.isEmpty() ? "empty" : "'" + printable(name) + "'";
        return new MigrateException(CoreErrorCode.CONFIGURATION, what + " is " + shown + ", which is not a valid "
                + "Kubernetes name.", "Kubernetes needs " + rule + ".", null);
    }

    /** The name with control characters replaced, so that the message prints as one line. */
    private static String printable(String name) {
        String shortened = name.length() > 80 ? name.substring(0, 80) + "..." : name;
        return shortened.replaceAll("\\p{Cntrl}", "?");
    }
}
