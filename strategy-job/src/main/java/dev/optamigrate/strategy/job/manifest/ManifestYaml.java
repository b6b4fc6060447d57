package dev.optamigrate.strategy.job.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * Writes a manifest as YAML that reads as if written by hand, as {@code kubectl} prints it: keys and plain
 * values unquoted ({@code apiVersion: batch/v1}), quotes only where YAML needs them (a value that would read as a
 * number, a boolean or a mapping, such as {@code "false"} or {@code "{{ .Release.Namespace }}"}). The object goes
 * through fabric8's JSON first, so that its field names and omitted fields are the model's own.
 */
public final class ManifestYaml {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build());

    private ManifestYaml() {
    }

    /** The manifest (a fabric8 model object or a record of the Opta manifest) as YAML. */
    public static String write(Object manifest) {
        try {
            JsonNode tree = JSON.readTree(Serialization.asJson(manifest));
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException unexpected) {
            throw new MigrateException(CoreErrorCode.INTERNAL, "Could not write the manifest as YAML: "
                    + unexpected.getOriginalMessage(), unexpected);
        }
    }
}
