package dev.optamigrate.strategy.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.kubernetes.KubernetesSetting;
import dev.optamigrate.kubernetes.ServiceCoordinates;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobNamesTest {
    private static final String DNS_1123_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

    @TempDir
    Path directory;

    @Test
    void namesAreValidLabelsEvenForLongOrOddServiceNames() {
        for (String service : List.of("shop", "My_Service.v2", "a".repeat(80), "-x-", "billing-" + "b".repeat(50))) {
            String name = JobNames.next(service);
            assertThat(name).matches(DNS_1123_LABEL).hasSizeLessThanOrEqualTo(JobNames.MAX_LENGTH)
                    .contains("-migrate-");
        }
    }

    @Test
    void hundredRunsCreateHundredDifferentJobs() {
        try (JobClusterFixture fixture = new JobClusterFixture(directory)) {
            fixture.cluster.deployService("shop", "registry.example.com/shop:v1", deployment -> deployment);
            Settings settings = fixture.settings(Map.of(KubernetesSetting.SERVICE, "shop"));
            MigrationJobSpec spec = MigrationJobSpec.from(settings, ServiceCoordinates.from(settings, "test"),
                    "registry.example.com/shop:v1", null, List.of(), Optional.empty());
            MigrationJobs jobs = new MigrationJobs(fixture.cluster.client(), "shop");

            Set<String> names = new HashSet<>();
            IntStream.range(0, 100).forEach(run -> {
                Job job = jobs.create(spec, "tester");
                names.add(job.getMetadata().getName());
            });

            assertThat(names).hasSize(100).allMatch(name -> name.matches(DNS_1123_LABEL));
            assertThat(fixture.cluster.client().batch().v1().jobs().inNamespace("shop").list().getItems())
                    .hasSize(100);
        }
    }
}
