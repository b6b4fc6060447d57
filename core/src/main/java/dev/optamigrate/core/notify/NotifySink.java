package dev.optamigrate.core.notify;

import dev.optamigrate.core.error.CoreErrorCode;
import dev.optamigrate.core.error.MigrateException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where notifications go. The URL, which often carries a token, is read from an environment variable or a file
 * and never printed: the sink describes itself by its kind and where its URL came from.
 *
 * @param kind   the payload it takes
 * @param origin where the URL came from, e.g. {@code env SLACK_WEBHOOK_URL}
 * @param url    the URL, never shown
 */
public record NotifySink(Kind kind, String origin, URI url) {
    private static final String FORM = "KIND env:VARIABLE or KIND file:PATH, with KIND webhook, slack or cloudevents, "
            + "e.g. slack env:SLACK_WEBHOOK_URL";

    /** The payloads. */
    public enum Kind {
        /** A JSON object with the event's fields. */
        WEBHOOK,
        /** A Slack-compatible incoming webhook: {@code {"text": ...}}. */
        SLACK,
        /** A CloudEvent over HTTP, in binary mode: {@code ce-*} headers and the JSON data as the body. */
        CLOUDEVENTS
    }

    /**
     * The sinks in a setting's value, separated by {@code ;}.
     *
     * @param environment where {@code env:} URLs are read
     * @param source      where the value came from, for errors
     */
    public static List<NotifySink> parse(String value, Map<String, String> environment, String source) {
        List<NotifySink> sinks = new ArrayList<>();
        for (String written : value.split(";")) {
            if (written.isBlank()) {
                continue;
            }
            String[] parts = written.strip().split("\\s+");
            if (parts.length != 2 || !(parts[1].startsWith("env:") || parts[1].startsWith("file:"))) {
                throw invalid("'" + written.strip() + "' (from " + source + ") is not a notification sink.");
            }
            Kind kind;
            try {
                kind = Kind.valueOf(parts[0].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid("'" + parts[0] + "' (from " + source + ") is not a kind of notification sink.");
            }
            String origin = parts[1].startsWith("env:") ? "env " + parts[1].substring(4)
                    : "file " + parts[1].substring(5);
            sinks.add(new NotifySink(kind, origin, url(parts[1], environment, origin)));
        }
        return List.copyOf(sinks);
    }

    private static URI url(String from, Map<String, String> environment, String origin) {
        String text;
        if (from.startsWith("env:")) {
            text = environment.get(from.substring(4));
            if (text == null || text.isBlank()) {
                throw invalid("The notification URL's variable " + from.substring(4) + " is not set.");
            }
        } else {
            try {
                text = Files.readString(Path.of(from.substring(5)), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw invalid("Cannot read the notification URL from " + origin + ": " + e.getMessage());
            }
        }
        try {
            URI url = new URI(text.strip());
            if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
                throw invalid("The notification URL from " + origin + " is not an http(s) URL.");
            }
            return url;
        } catch (URISyntaxException e) {
            throw invalid("The notification URL from " + origin + " is not a URL.");
        }
    }

    private static MigrateException invalid(String message) {
        return new MigrateException(CoreErrorCode.CONFIGURATION, message, "Write each sink as " + FORM
                + "; separate sinks with ';' (in the config file, a YAML list). The URL stays in the variable or "
                + "file and is never printed.", null);
    }

    /** The kind and where the URL came from; never the URL. */
    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + " (" + origin + ")";
    }
}
