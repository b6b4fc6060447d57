package dev.optamigrate.strategy.job.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;
import java.util.Map;

/**
 * The parts of an Opta manifest that `generate opta` writes, as typed records: the service or migration
 * manifest, its environments, input variables and modules.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OptaManifest(List<Environment> environments, String name,
        @JsonProperty("input_variables") List<InputVariable> inputVariables, List<Object> modules) {

    public record Environment(String name, String path) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InputVariable(String name, String description) {
    }

    /** The database module. */
    public record Postgres(String name, String type) {
    }

    /** The service's k8s-service module, with its link to the database renamed to the DB variables. */
    public record K8sService(String name, String type, String image, Map<String, Integer> port,
            List<Map<String, List<Map<String, String>>>> links) {
    }

    /** Reads another manifest's outputs (the service's current image) from its Terraform state. */
    public record ExternalState(String type, String name, @JsonProperty("backend_type") String backendType,
            Map<String, String> config) {
    }

    /** Opta's helm-chart module running the one-time Job chart. */
    public record HelmChart(String type, String name, String namespace,
            @JsonProperty("create_namespace") boolean createNamespace, String repository, String chart,
            @JsonProperty("chart_version") String chartVersion, JobChartValues values) {
    }

    /**
     * Values of the one-time Job chart the Opta guide uses; {@code extraSettings} are added to the pod's spec.
     */
    public record JobChartValues(String nameOverride, String restartPolicy, Map<String, ChartContainer> containers,
            PodSettings extraSettings) {
    }

    /** Settings the chart adds to the pod's spec as they are; the lists are null when there are none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PodSettings(PodSecurityContext securityContext, List<Container> initContainers,
            List<Volume> volumes) {
    }

    public record ChartContainer(String image, ExtraSettings extraSettings) {
    }

    /** Settings the chart adds to the container as they are; {@code volumeMounts} is null when there are none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExtraSettings(List<EnvVar> env, List<String> command, SecurityContext securityContext,
            List<VolumeMount> volumeMounts) {
    }
}
