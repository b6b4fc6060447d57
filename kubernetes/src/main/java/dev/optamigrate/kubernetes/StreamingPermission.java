package dev.optamigrate.kubernetes;

/**
 * What a refused exec or port-forward lacks. fabric8 opens both over WebSocket; the API server authorises that
 * upgrade as {@code get} on the subresource, and from Kubernetes 1.35 also as {@code create}, so a Role needs
 * both verbs.
 */
public final class StreamingPermission {
    private StreamingPermission() {
    }

    /**
     * The fix for a refusal.
     *
     * @param subresource {@code pods/exec} or {@code pods/portforward}
     * @param strategy    the strategy whose Role grants it
     */
    public static String hint(String subresource, String strategy) {
        return "The user or service account needs the verbs get and create on " + subresource + " in this "
                + "namespace: a WebSocket upgrade is authorised as get (and from Kubernetes 1.35 also as create). "
                + "`opta-migrate generate rbac --service NAME --for " + strategy + "` prints a Role that grants both.";
    }
}
