package dev.optamigrate.strategy.external;

import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.target.SslMode;
import dev.optamigrate.core.target.Target;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * TLS is required by default for a database that is not on this machine: the general default, {@code prefer},
 * falls back to plain text without a word, which is not acceptable over a VPN or the internet. An explicit
 * {@code --sslmode} (flag, variable or file) is kept as given.
 */
final class TlsDefault {
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    private TlsDefault() {
    }

    static Target apply(Target target, Settings settings) {
        if (settings.given(CoreSetting.SSLMODE) || target.sslMode() != SslMode.PREFER || loopback(target.host())) {
            return target;
        }
        return target.withSslMode(SslMode.REQUIRE);
    }

    /** Whether the host names this machine, judged from the name alone (no lookup). */
    static boolean loopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.endsWith(".localhost") || LOOPBACK_V4.matcher(name).matches()
                || name.equals("::1") || name.equals("[::1]");
    }
}
