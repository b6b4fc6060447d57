package dev.optamigrate.kubernetes.testing;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the kubelet's side of {@code exec} in the fake cluster: every exec request is answered by the script on
 * the channels of Kubernetes' streaming protocol (1 standard output, 2 standard error, 3 the exit status), and
 * remembered.
 */
public final class FakeExec {
    private static final Pattern EXEC = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/exec\\?(.*)");
    private static final byte STDOUT = 1;
    private static final byte STDERR = 2;
    private static final byte STATUS = 3;
    private static final int NORMAL_CLOSURE = 1000;

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    /** One exec request: where it ran and what. */
    public record Call(String namespace, String pod, String container, List<String> command) {
    }

    public FakeExec(FakeCluster cluster, ExecScript script) {
        cluster.onStreaming(request -> EXEC.matcher(request.getPath()).matches(), request -> {
            calls.add(parse(request));
            return new Session(script);
        });
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    private static Call parse(RecordedRequest request) {
        Matcher matcher = EXEC.matcher(request.getPath());
        matcher.matches();
        List<String> command = new ArrayList<>();
        String container = null;
        for (String parameter : matcher.group(3).split("&")) {
            String[] pair = parameter.split("=", 2);
            String value = URLDecoder.decode(pair.length > 1 ? pair[1] : "", StandardCharsets.UTF_8);
            if (pair[0].equals("command")) {
                command.add(value);
            } else if (pair[0].equals("container")) {
                container = value;
            }
        }
        return new Call(matcher.group(1), matcher.group(2), container, command);
    }

    private static final class Session extends WebSocketListener {
        private final ExecScript script;

        Session(ExecScript script) {
            this.script = script;
        }

        @Override
        public void onOpen(WebSocket socket, Response response) {
            Thread runner = new Thread(() -> {
                script.during().run();
                script.stdout().forEach(line -> socket.send(frame(STDOUT, line + "\n")));
                script.stderr().forEach(line -> socket.send(frame(STDERR, line + "\n")));
                if (script.exitCode() != null) {
                    socket.send(frame(STATUS, Serialization.asJson(status(script.exitCode()))));
                } else if (script.failure() != null) {
                    socket.send(frame(STATUS, Serialization.asJson(new StatusBuilder().withStatus("Failure")
                            .withReason("InternalError").withMessage(script.failure()).build())));
                }
                socket.close(NORMAL_CLOSURE, "");
            }, "fake-exec");
            runner.setDaemon(true);
            runner.start();
        }

        private static Status status(int exitCode) {
            StatusBuilder status = new StatusBuilder().withStatus(exitCode == 0 ? "Success" : "Failure");
            if (exitCode != 0) {
                status.withReason("NonZeroExitCode").withNewDetails().addNewCause().withReason("ExitCode")
                        .withMessage(String.valueOf(exitCode)).endCause().endDetails();
            }
            return status.build();
        }

        private static byte[] frame(byte channel, String text) {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            byte[] framed = new byte[body.length + 1];
            framed[0] = channel;
            System.arraycopy(body, 0, framed, 1, body.length);
            return framed;
        }
    }
}
