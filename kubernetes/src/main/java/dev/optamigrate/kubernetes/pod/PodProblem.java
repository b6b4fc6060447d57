package dev.optamigrate.kubernetes.pod;

import dev.optamigrate.core.error.ErrorCode;

/**
 * Why a pod's container does not start, as its status says, and how long to give it before the run gives up.
 *
 * @param code     the error the run ends with if the problem stays
 * @param reason   Kubernetes' reason, e.g. {@code ImagePullBackOff}, {@code Unschedulable}, {@code FailedCreate}
 * @param message  Kubernetes' message, or null
 * @param patience how long the problem may last before it counts
 */
public record PodProblem(ErrorCode code, String reason, String message, Patience patience) {

    /** How long a problem may last: some end on their own, some never do. */
    public enum Patience {
        /** Never ends on its own (an invalid image name, a missing Secret key): give up at once. */
        NONE,
        /** A pull that the kubelet retries with back-off: a registry blip passes, a wrong tag does not. */
        IMAGE_PULL,
        /** Waits for capacity or for a policy to change (scheduling, admission): the start timeout. */
        START
    }

    /** The reason and the message, in words. */
    public String words() {
        return message == null || message.isBlank() ? reason : reason + ": " + message;
    }
}
