package dev.optamigrate.kubernetes.testing;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Sysctl;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Pod Security Standards, profile {@code restricted} (which includes {@code baseline}), checked field by field
 * as https://kubernetes.io/docs/concepts/security/pod-security-standards/ lists them. Each violation is worded as
 * the API server's PodSecurity admission words it, e.g. {@code allowPrivilegeEscalation != false (container
 * "migrate" must set securityContext.allowPrivilegeEscalation=false)}.
 */
public final class RestrictedProfile {
    private static final Set<String> BASELINE_CAPABILITIES = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE",
            "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID",
            "SYS_CHROOT");
    private static final Set<String> SAFE_SYSCTLS = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
            "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
            "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
            "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes");
    private static final Set<String> SELINUX_TYPES = Set.of("container_t", "container_init_t", "container_kvm_t",
            "container_engine_t");
    private static final Set<String> SECCOMP_ALLOWED = Set.of("RuntimeDefault", "Localhost");

    private RestrictedProfile() {
    }

    /** Every way the pod breaks the profile; empty when it passes. */
    public static List<String> violations(PodSpec pod) {
        List<String> found = new ArrayList<>();
        List<Container> containers = Stream.concat(list(pod.getInitContainers()).stream(),
                list(pod.getContainers()).stream()).toList();
        PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext())
                .orElseGet(PodSecurityContext::new);
        baseline(pod, podContext, containers, found);
        restricted(pod, podContext, containers, found);
        return found;
    }

    private static void baseline(PodSpec pod, PodSecurityContext podContext, List<Container> containers,
            List<String> found) {
        if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                || Boolean.TRUE.equals(pod.getHostIPC())) {
            found.add("host namespaces (hostNetwork=" + pod.getHostNetwork() + ", hostPID=" + pod.getHostPID()
                    + ", hostIPC=" + pod.getHostIPC() + ")");
        }
        if (podContext.getWindowsOptions() != null && Boolean.TRUE.equals(podContext.getWindowsOptions()
                .getHostProcess())) {
            found.add("hostProcess (pod must not set securityContext.windowsOptions.hostProcess=true)");
        }
        list(pod.getVolumes()).stream().filter(volume -> volume.getHostPath() != null).forEach(volume -> found.add(
                "hostPath volumes (volume \"" + volume.getName() + "\")"));
        for (Sysctl sysctl : list(podContext.getSysctls())) {
            if (!SAFE_SYSCTLS.contains(sysctl.getName())) {
                found.add("forbidden sysctls (" + sysctl.getName() + ")");
            }
        }
        seLinux(podContext.getSeLinuxOptions() == null ? null : podContext.getSeLinuxOptions().getType(),
                podContext.getSeLinuxOptions() != null && (podContext.getSeLinuxOptions().getUser() != null
                        || podContext.getSeLinuxOptions().getRole() != null), "pod", found);
        appArmor(podContext.getAppArmorProfile() == null ? null : podContext.getAppArmorProfile().getType(), "pod",
                found);
        for (Container container : containers) {
            String name = "container \"" + container.getName() + "\"";
            SecurityContext context = context(container);
            if (Boolean.TRUE.equals(context.getPrivileged())) {
                found.add("privileged (" + name + " must not set securityContext.privileged=true)");
            }
            List<String> added = Optional.ofNullable(context.getCapabilities()).map(Capabilities::getAdd)
                    .orElse(List.of());
            added.stream().filter(capability -> !BASELINE_CAPABILITIES.contains(capability)).forEach(capability ->
                    found.add("non-default capabilities (" + name + " must not include \"" + capability
                            + "\" in securityContext.capabilities.add)"));
            list(container.getPorts()).stream().map(ContainerPort::getHostPort)
                    .filter(port -> port != null && port != 0).forEach(port -> found.add("hostPort (" + name
                            + " uses hostPort " + port + ")"));
            if (context.getProcMount() != null && !"Default".equals(context.getProcMount())) {
                found.add("procMount (" + name + " must not set securityContext.procMount=" + context.getProcMount()
                        + ")");
            }
            seLinux(context.getSeLinuxOptions() == null ? null : context.getSeLinuxOptions().getType(),
                    context.getSeLinuxOptions() != null && (context.getSeLinuxOptions().getUser() != null
                            || context.getSeLinuxOptions().getRole() != null), name, found);
            appArmor(context.getAppArmorProfile() == null ? null : context.getAppArmorProfile().getType(), name,
                    found);
        }
    }

    private static void restricted(PodSpec pod, PodSecurityContext podContext, List<Container> containers,
            List<String> found) {
        list(pod.getVolumes()).stream().filter(RestrictedProfile::restrictedVolumeType).forEach(volume ->
                found.add("restricted volume types (volume \"" + volume.getName() + "\")"));
        if (podContext.getRunAsUser() != null && podContext.getRunAsUser() == 0) {
            found.add("runAsUser=0 (pod must not set runAsUser=0)");
        }
        for (Container container : containers) {
            String name = "container \"" + container.getName() + "\"";
            SecurityContext context = context(container);
            if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
                found.add("allowPrivilegeEscalation != false (" + name
                        + " must set securityContext.allowPrivilegeEscalation=false)");
            }
            Capabilities capabilities = Optional.ofNullable(context.getCapabilities()).orElseGet(Capabilities::new);
            if (!list(capabilities.getDrop()).contains("ALL")
                    || list(capabilities.getAdd()).stream().anyMatch(add -> !"NET_BIND_SERVICE".equals(add))) {
                found.add("unrestricted capabilities (" + name + " must set securityContext.capabilities.drop="
                        + "[\"ALL\"] and add nothing but NET_BIND_SERVICE)");
            }
            Boolean nonRoot = context.getRunAsNonRoot() != null ? context.getRunAsNonRoot()
                    : podContext.getRunAsNonRoot();
            if (!Boolean.TRUE.equals(nonRoot)) {
                found.add("runAsNonRoot != true (pod or " + name + " must set securityContext.runAsNonRoot=true)");
            }
            if (context.getRunAsUser() != null && context.getRunAsUser() == 0) {
                found.add("runAsUser=0 (" + name + " must not set runAsUser=0)");
            }
            String seccomp = type(context.getSeccompProfile()).orElseGet(() -> type(podContext.getSeccompProfile())
                    .orElse(null));
            if (seccomp == null || !SECCOMP_ALLOWED.contains(seccomp)) {
                found.add("seccompProfile (pod or " + name + " must set securityContext.seccompProfile.type to "
                        + "\"RuntimeDefault\" or \"Localhost\")");
            }
        }
    }

    private static void seLinux(String type, boolean userOrRole, String where, List<String> found) {
        if ((type != null && !type.isEmpty() && !SELINUX_TYPES.contains(type)) || userOrRole) {
            found.add("seLinuxOptions (" + where + " sets a forbidden SELinux type, user or role)");
        }
    }

    private static void appArmor(String type, String where, List<String> found) {
        if ("Unconfined".equals(type)) {
            found.add("forbidden AppArmor profile (" + where + " must not set appArmorProfile.type=Unconfined)");
        }
    }

    private static boolean restrictedVolumeType(Volume volume) {
        List<Function<Volume, Object>> allowed = List.of(Volume::getConfigMap, Volume::getCsi,
                Volume::getDownwardAPI, Volume::getEmptyDir, Volume::getEphemeral, Volume::getPersistentVolumeClaim,
                Volume::getProjected, Volume::getSecret);
        return allowed.stream().allMatch(kind -> kind.apply(volume) == null);
    }

    private static Optional<String> type(SeccompProfile profile) {
        return Optional.ofNullable(profile).map(SeccompProfile::getType);
    }

    private static SecurityContext context(Container container) {
        return Optional.ofNullable(container.getSecurityContext()).orElseGet(SecurityContext::new);
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }
}
