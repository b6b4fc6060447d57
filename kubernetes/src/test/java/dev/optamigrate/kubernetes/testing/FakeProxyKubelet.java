package dev.optamigrate.kubernetes.testing;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the kubelet for socat proxy pods in the fake cluster: it starts each pod whose container runs
 * {@code TCP-LISTEN:... TCP:host:port} (Running and Ready), and answers port-forward requests to it by doing what
 * socat would, connecting to {@code host:port} and relaying bytes over Kubernetes' port-forward protocol. Pods
 * it started are remembered, so tests can check they were deleted.
 */
public final class FakeProxyKubelet implements AutoCloseable {
    private static final Pattern PORT_FORWARD = Pattern.compile(
            "/api/v1/namespaces/([^/]+)/pods/([^/]+)/portforward\\?ports=(\\d+)");
    private static final Pattern CONNECT = Pattern.compile("TCP:(.+):(\\d+)");
    private static final byte DATA = 0;
    private static final byte ERROR = 1;

    private final KubernetesClient client;
    /** Where each started proxy pod connects to; the dispatcher must not call the API server it runs in. */
    private final Map<String, String[]> started = new ConcurrentHashMap<>();
    private final List<String> forwarded = new CopyOnWriteArrayList<>();
    private final Thread loop;
    private volatile boolean running = true;

    public FakeProxyKubelet(FakeCluster cluster) {
        this.client = cluster.client();
        cluster.onStreaming(request -> PORT_FORWARD.matcher(request.getPath()).matches(), request -> {
            Matcher matcher = PORT_FORWARD.matcher(request.getPath());
            matcher.matches();
            forwarded.add(matcher.group(2));
            return new Relay(started.get(matcher.group(2)), Integer.parseInt(matcher.group(3)));
        });
        this.loop = new Thread(this::startPods, "fake-proxy-kubelet");
        loop.setDaemon(true);
        loop.start();
    }

    /** The names of the proxy pods this kubelet started. */
    public Set<String> started() {
        return Set.copyOf(started.keySet());
    }

    /** The pods that port-forward connections went to, one entry per connection. */
    public List<String> forwarded() {
        return List.copyOf(forwarded);
    }

    private void startPods() {
        while (running) {
            try {
                for (Pod pod : client.pods().inAnyNamespace().list().getItems()) {
                    boolean unstarted = pod.getStatus() == null || pod.getStatus().getPhase() == null;
                    if (connectAddress(pod) != null && unstarted) {
                        client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata()
                                .getName()).editStatus(current -> new PodBuilder(current).withStatus(
                                        new PodStatusBuilder().withPhase("Running").addNewCondition()
                                                .withType("Ready").withStatus("True").endCondition().build())
                                .build());
                        started.put(pod.getMetadata().getName(), connectAddress(pod));
                    }
                }
                Thread.sleep(50);
            } catch (InterruptedException stop) {
                return;
            } catch (RuntimeException raced) {
                // a pod deleted between list and edit: look again
            }
        }
    }

    /** {@code host:port} from a socat pod's {@code TCP:host:port} argument, or null for other pods. */
    private static String[] connectAddress(Pod pod) {
        if (pod == null || pod.getSpec() == null) {
            return null;
        }
        return pod.getSpec().getContainers().stream().flatMap(container -> container.getArgs().stream())
                .map(CONNECT::matcher).filter(Matcher::matches).findFirst()
                .map(matcher -> new String[] {matcher.group(1), matcher.group(2)}).orElse(null);
    }

    @Override
    public void close() {
        running = false;
        loop.interrupt();
    }

    /** One port-forward connection: the two opening frames, then bytes both ways on the data channel. */
    private static final class Relay extends WebSocketListener {
        private final String[] address;
        private final int port;
        private Socket socket;

        Relay(String[] address, int port) {
            this.address = address;
            this.port = port;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            byte[] portBytes = {(byte) (port & 0xff), (byte) (port >> 8)};
            webSocket.send(prefixed(DATA, portBytes, portBytes.length));
            webSocket.send(prefixed(ERROR, portBytes, portBytes.length));
            try {
                if (address == null) {
                    throw new IOException("no such proxy pod");
                }
                socket = new Socket(address[0], Integer.parseInt(address[1]));
            } catch (IOException e) {
                webSocket.close(1011, "cannot connect to " + Arrays.toString(address));
                return;
            }
            Thread pump = new Thread(() -> pump(webSocket), "fake-socat");
            pump.setDaemon(true);
            pump.start();
        }

        private void pump(WebSocket webSocket) {
            byte[] buffer = new byte[16384];
            try (InputStream in = socket.getInputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    webSocket.send(prefixed(DATA, buffer, read));
                }
            } catch (IOException closed) {
                // the client went away
            }
            webSocket.close(1000, "");
        }

        @Override
        public void onMessage(WebSocket webSocket, byte[] bytes) {
            if (bytes.length < 1 || bytes[0] != DATA || socket == null) {
                return;
            }
            try {
                OutputStream out = socket.getOutputStream();
                out.write(bytes, 1, bytes.length - 1);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            closeSocket();
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            closeSocket();
        }

        private void closeSocket() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // already closed
            }
        }

        private static byte[] prefixed(byte channel, byte[] data, int length) {
            byte[] framed = new byte[length + 1];
            framed[0] = channel;
            System.arraycopy(data, 0, framed, 1, length);
            return framed;
        }
    }
}
