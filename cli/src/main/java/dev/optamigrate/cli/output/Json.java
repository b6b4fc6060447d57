package dev.optamigrate.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optamigrate.core.error.MigrateException;
import dev.optamigrate.core.event.MigrationEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * JSON for scripts: one object per line. Durations are whole milliseconds under names ending in {@code Ms};
 * instants are ISO-8601 strings.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new SimpleModule()
            .addSerializer(Duration.class, new DurationSerializer())
            .addSerializer(Instant.class, new InstantSerializer()));

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** An event as {@code {"type": "...", ...fields}}; duration fields get the suffix {@code Ms}. */
    public static String event(MigrationEvent event) {
        ObjectNode node = object().put("type", event.type());
        ObjectNode fields = MAPPER.valueToTree(event);
        fields.fields().forEachRemaining(field -> {
            boolean duration = field.getKey().equals("duration") || field.getKey().equals("waited")
                    || field.getKey().equals("pause")
                    || field.getKey().equals("limit");
            node.set(duration ? field.getKey() + "Ms" : field.getKey(), field.getValue());
        });
        return write(node);
    }

    public static String error(MigrateException failure) {
        return write(object().put("type", "error").put("code", failure.code().name())
                .put("exitCode", failure.exitCode()).put("message", failure.getMessage())
                .put("hint", failure.hint()));
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static final class DurationSerializer extends JsonSerializer<Duration> {
        @Override
        public void serialize(Duration value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeNumber(value.toMillis());
        }
    }

    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }
}
