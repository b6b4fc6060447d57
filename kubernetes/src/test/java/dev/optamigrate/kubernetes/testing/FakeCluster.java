package dev.optamigrate.kubernetes.testing;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * fabric8's mock API server in CRUD mode (objects created through it are stored and can be read, listed,
 * updated and deleted; expectations set on it answer first), with helpers to seed an Opta-style service, and
 * with what the mock alone lacks but a real cluster does:
 * <ul>
 * <li>bursts of 429 and 5xx answers ({@link #failNext});</li>
 * <li>Pod Security admission for a namespace labelled {@code pod-security.kubernetes.io/enforce: restricted}
 * ({@link #enforceRestricted}), which refuses a pod that breaks the profile with 403, as the API server does;</li>
 * <li>RBAC for exec and port-forward, whose WebSocket upgrade the API server authorises as {@code get}
 * ({@link #grantStreaming});</li>
 * <li>Events, listed with the field selectors kubectl and the client use ({@link #recordEvent}).</li>
 * </ul>
 */
public final class FakeCluster implements AutoCloseable {
    public static final String CONTEXT = "fake-cluster";
    private static final int SWITCHING_PROTOCOLS = 101;
    private static final String WEBSOCKET_PROTOCOL = "Sec-WebSocket-Protocol";
    /** As many retries as opta-migrate's own client makes (KubernetesConnection), so that failures show as soon. */
    private static final int CLIENT_RETRIES = 2;

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final List<Streaming> streaming;
    private final List<Function<RecordedRequest, MockResponse>> interceptors;
    private final FakeEvents events = new FakeEvents();
    private final FakeRbac rbac = new FakeRbac();

    private FakeCluster(KubernetesMockServer server, List<Streaming> streaming,
            List<Function<RecordedRequest, MockResponse>> interceptors) {
        this.server = server;
        KubernetesClient mockClient = server.createClient();
        this.client = new KubernetesClientBuilder().withConfig(new ConfigBuilder(mockClient.getConfiguration())
                .withRequestRetryBackoffLimit(CLIENT_RETRIES).build()).build();
        mockClient.close();
        this.streaming = streaming;
        this.interceptors = interceptors;
        onRequest(events::answer);
        onRequest(rbac::answer);
    }

    /** A request that is answered by upgrading it to a WebSocket (exec, port-forward), as the kubelet does. */
    private record Streaming(Predicate<RecordedRequest> matches, Function<RecordedRequest, WebSocketListener> session) {
    }

    public static FakeCluster start() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        List<Streaming> streaming = new CopyOnWriteArrayList<>();
        List<Function<RecordedRequest, MockResponse>> interceptors = new CopyOnWriteArrayList<>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses) {
                    @Override
                    public MockResponse dispatch(RecordedRequest request) {
                        for (Function<RecordedRequest, MockResponse> interceptor : interceptors) {
                            MockResponse answer = interceptor.apply(request);
                            if (answer != null) {
                                return answer;
                            }
                        }
                        for (Streaming candidate : streaming) {
                            if (candidate.matches().test(request)) {
                                return upgrade(request, candidate.session().apply(request));
                            }
                        }
                        return super.dispatch(request);
                    }
                }, false);
        server.init();
        return new FakeCluster(server, streaming, interceptors);
    }

    /**
     * Answers requests before the CRUD store does: the interceptor returns a response, or null to let the request
     * through; the newest interceptor is asked first.
     */
    public void onRequest(Function<RecordedRequest, MockResponse> interceptor) {
        interceptors.add(0, interceptor);
    }

    /**
     * The next {@code times} requests that match are answered with {@code code} and a Status body, as an
     * overloaded or restarting API server answers (429 Too Many Requests, 503 Service Unavailable).
     */
    public void failNext(Predicate<RecordedRequest> matches, int code, int times) {
        AtomicInteger left = new AtomicInteger(times);
        onRequest(request -> matches.test(request) && left.getAndDecrement() > 0
                ? status(code, code == 429 ? "TooManyRequests" : "ServiceUnavailable", "the server is currently "
                        + "unable to handle the request") : null);
    }

    /**
     * Labels the namespace {@code pod-security.kubernetes.io/enforce: restricted}, and from now on refuses to
     * create a pod there that breaks the profile, with the API server's 403 and message.
     */
    public void enforceRestricted(String namespace) {
        client.namespaces().withName(namespace).edit(current -> new NamespaceBuilder(current).editMetadata()
                .addToLabels("pod-security.kubernetes.io/enforce", "restricted").endMetadata().build());
        String pods = "/api/v1/namespaces/" + namespace + "/pods";
        onRequest(request -> {
            if (!"POST".equals(request.getMethod()) || !request.getPath().startsWith(pods)) {
                return null;
            }
            Pod pod = Serialization.unmarshal(new String(request.getBody().getBytes(), StandardCharsets.UTF_8),
                    Pod.class);
            List<String> violations = RestrictedProfile.violations(pod.getSpec());
            return violations.isEmpty() ? null : status(403, "Forbidden", "pods \"" + pod.getMetadata().getName()
                    + "\" is forbidden: violates PodSecurity \"restricted:latest\": " + String.join(", ",
                            violations));
        });
    }

    /**
     * Turns on RBAC for a streaming subresource ({@code pods/exec}, {@code pods/portforward}) with only these
     * verbs granted: its WebSocket upgrade is refused with 403 unless {@code get} is among them, as the API server
     * authorises an upgrade.
     */
    public void grantStreaming(String subresource, String... verbs) {
        rbac.grant(subresource, verbs);
    }

    /** Records an event about an object, as a controller does (e.g. the Job controller's FailedCreate). */
    public void recordEvent(String namespace, String kind, String name, String reason, String message) {
        events.record(namespace, kind, name, reason, message);
    }

    static MockResponse status(int code, String reason, String message) {
        return new MockResponse().setResponseCode(code).setBody(Serialization.asJson(new StatusBuilder()
                .withStatus("Failure").withCode(code).withReason(reason).withMessage(message).build()));
    }

    /**
     * Answers requests whose path matches with a WebSocket session, the way the kubelet answers exec and
     * port-forward requests; the newest registration wins.
     */
    public void onStreaming(Predicate<RecordedRequest> matches, Function<RecordedRequest, WebSocketListener> session) {
        streaming.add(0, new Streaming(matches, session));
    }

    private static MockResponse upgrade(RecordedRequest request, WebSocketListener session) {
        MockResponse response = new MockResponse().setResponseCode(SWITCHING_PROTOCOLS).withWebSocketUpgrade(session);
        String protocol = request.getHeaders().get(WEBSOCKET_PROTOCOL);
        if (protocol != null) {
            response.addHeader(WEBSOCKET_PROTOCOL, protocol.split(",")[0].trim());
        }
        return response;
    }

    public KubernetesClient client() {
        return client;
    }

    public KubernetesMockServer server() {
        return server;
    }

    /** Writes a kubeconfig whose only context, {@value #CONTEXT}, points at this server; returns its path. */
    public Path writeKubeconfig(Path directory) {
        String url = client.getConfiguration().getMasterUrl();
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: fake
                  cluster:
                    server: %s
                users:
                - name: tester
                  user:
                    token: test-token
                contexts:
                - name: %s
                  context:
                    cluster: fake
                    user: tester
                current-context: %s
                """.formatted(url, CONTEXT, CONTEXT);
        try {
            return Files.writeString(directory.resolve("kubeconfig"), kubeconfig);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates an Opta-style service: namespace {@code service}, Deployment {@code service} with container
     * {@code k8s-service} running {@code image}, whose DB variables come from Secret {@code secret}; the
     * customizer may add to the Deployment.
     */
    public Deployment deployService(String service, String image, UnaryOperator<DeploymentBuilder> customizer) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(service).endMetadata()
                .build()).create();
        ContainerBuilder container = new ContainerBuilder().withName("k8s-service").withImage(image);
        for (String variable : new String[] {"DBHOST", "DBNAME", "DBUSER", "DBPASS"}) {
            container.addNewEnv().withName(variable).withNewValueFrom().withNewSecretKeyRef(variable, "secret", true).endValueFrom().endEnv();
        }
        DeploymentBuilder deployment = new DeploymentBuilder()
                .withNewMetadata().withName(service).withNamespace(service).endMetadata()
                .withNewSpec().withReplicas(2)
                .withNewSelector().addToMatchLabels("app", service).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", service).endMetadata()
                .withNewSpec().withContainers(container.build()).endSpec().endTemplate()
                .endSpec();
        return client.apps().deployments().inNamespace(service).resource(customizer.apply(deployment).build())
                .create();
    }

    /** Creates Secret {@code secret} with Opta's DB variables; the password is {@code password}. */
    public void createDatabaseSecret(String namespace, String password) {
        client.secrets().inNamespace(namespace).resource(new SecretBuilder()
                .withNewMetadata().withName("secret").withNamespace(namespace).endMetadata()
                .addToData("DBHOST", base64("db.internal")).addToData("DBNAME", base64("app"))
                .addToData("DBUSER", base64("app")).addToData("DBPASS", base64(password))
                .build()).create();
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
