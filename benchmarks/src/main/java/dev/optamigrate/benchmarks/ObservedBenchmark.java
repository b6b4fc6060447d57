package dev.optamigrate.benchmarks;

import com.sun.net.httpserver.HttpServer;
import dev.optamigrate.core.Migrator;
import dev.optamigrate.core.MigratorConfiguration;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.notify.Notifications;
import dev.optamigrate.core.notify.Notifier;
import dev.optamigrate.core.policy.RunLabels;
import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.telemetry.OtlpTelemetry;
import dev.optamigrate.telemetry.RunTelemetry;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cost of being watched: opta-migrate applying N Flyway migrations with a webhook notification sink and
 * OpenTelemetry (OTLP/HTTP) switched on, against the same run without them. Both sinks are a local HTTP server
 * that answers at once, so the figure is opta-migrate's own cost; closing the notifier and the SDK (the last
 * deliveries and the final export) is inside the measured time, as a CLI run pays it. Rounds alternate the order;
 * the ratio is the median of each round's own ratio.
 */
final class ObservedBenchmark {
    static final double TARGET = 1.05;

    private final Server server;
    private final Path work;
    private final int runs;
    private final int migrations;

    ObservedBenchmark(Server server, Path work, int runs, int migrations) {
        this.server = server;
        this.work = work;
        this.runs = runs;
        this.migrations = migrations;
    }

    List<Row> run() throws Exception {
        HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sink.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(200, -1);
            }
        });
        sink.start();
        try {
            String url = "http://127.0.0.1:" + sink.getAddress().getPort();
            Map<String, String> environment = Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", url, "BENCH_HOOK", url + "/hook");
            Path location = MigrationSetWriter.write("flyway", work.resolve("observed"), migrations);
            List<Double> plain = new ArrayList<>();
            List<Double> observed = new ArrayList<>();
            for (int round = 0; round <= runs; round++) {
                boolean plainFirst = round % 2 == 0;
                double first = plainFirst ? plain(location) : observed(location, environment);
                double second = plainFirst ? observed(location, environment) : plain(location);
                if (round > 0) {
                    plain.add(plainFirst ? first : second);
                    observed.add(plainFirst ? second : first);
                }
            }
            List<Double> paired = new ArrayList<>();
            for (int i = 0; i < plain.size(); i++) {
                paired.add(observed.get(i) / plain.get(i));
            }
            String name = "apply " + migrations + " migrations, watched";
            return List.of(Row.plain(name, "opta-migrate + flyway", Timing.median(plain)),
                    Row.judged(name, "+ webhook and OpenTelemetry", Timing.median(observed), Timing.median(paired),
                            "unwatched", TARGET));
        } finally {
            sink.stop(0);
        }
    }

    private double plain(Path location) throws Exception {
        MigratorConfiguration configuration = migrator(location);
        return Timing.millis(() -> configuration.load().migrate());
    }

    private double observed(Path location, Map<String, String> environment) throws Exception {
        MigratorConfiguration configuration = migrator(location);
        return Timing.millis(() -> {
            Settings settings = Settings.fromFlags(Map.of(CoreSetting.NOTIFY, "webhook env:BENCH_HOOK"), environment);
            try (Notifier notifier = Notifications.from(settings, EventListener.NONE).orElseThrow();
                    OtlpTelemetry telemetry = OtlpTelemetry.fromEnvironment(environment).orElseThrow()) {
                configuration.addListener(notifier)
                        .addListener(new RunTelemetry(telemetry.openTelemetry(), RunLabels.from(settings)))
                        .load().migrate();
            }
        });
    }

    private MigratorConfiguration migrator(Path location) throws Exception {
        return Migrator.configure().target(server.target(server.freshDatabase())).tool("flyway")
                .location(location.toString());
    }
}
