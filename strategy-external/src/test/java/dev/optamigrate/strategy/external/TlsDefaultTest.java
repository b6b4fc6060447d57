package dev.optamigrate.strategy.external;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Setting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.settings.SettingsLoader;
import dev.optamigrate.core.target.SslMode;
import dev.optamigrate.core.target.Target;
import dev.optamigrate.core.target.TargetResolver;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsDefaultTest {
    @TempDir
    Path directory;

    @Test
    void aRemoteHostRequiresTlsByDefault() {
        assertThat(sslMode("jdbc:postgresql://db.example.com:5432/app", Map.of())).isEqualTo(SslMode.REQUIRE);
        assertThat(sslMode("jdbc:postgresql://10.0.3.7:5432/app", Map.of())).isEqualTo(SslMode.REQUIRE);
    }

    @Test
    void aLoopbackHostKeepsTheGeneralDefault() {
        assertThat(sslMode("jdbc:postgresql://localhost:5432/app", Map.of())).isEqualTo(SslMode.PREFER);
        assertThat(sslMode("jdbc:postgresql://127.0.0.1:5432/app", Map.of())).isEqualTo(SslMode.PREFER);
        assertThat(sslMode("jdbc:postgresql://[::1]:5432/app", Map.of())).isEqualTo(SslMode.PREFER);
    }

    @Test
    void anExplicitSslModeIsKept() {
        assertThat(sslMode("jdbc:postgresql://db.example.com:5432/app", Map.of(CoreSetting.SSLMODE, "disable")))
                .isEqualTo(SslMode.DISABLE);
        assertThat(sslMode("jdbc:postgresql://db.example.com:5432/app?sslmode=verify-full", Map.of()))
                .isEqualTo(SslMode.VERIFY_FULL);
    }

    private SslMode sslMode(String url, Map<Setting, String> more) {
        Map<Setting, String> flags = new java.util.HashMap<>();
        flags.put(CoreSetting.URL, url);
        flags.put(CoreSetting.USER, "app");
        flags.putAll(more);
        Settings settings = SettingsLoader.load(flags, Map.of(), Optional.empty(), directory);
        Target target = new TargetResolver(settings).resolve();
        return TlsDefault.apply(target, settings).sslMode();
    }
}
