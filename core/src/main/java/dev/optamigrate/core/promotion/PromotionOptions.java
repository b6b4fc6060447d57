package dev.optamigrate.core.promotion;

import dev.optamigrate.core.settings.CoreSetting;
import dev.optamigrate.core.settings.Settings;
import dev.optamigrate.core.target.Target;
import dev.optamigrate.core.target.TargetResolver;
import java.nio.file.Path;

/**
 * What the promotion gate of a target is asked.
 *
 * @param environment      this target's environment, recorded with each migration it applies, or {@code null}
 * @param required         the environment where pending migrations must have succeeded first, or {@code null}
 * @param rehearsalServer  the database of the rehearsal environment, whose journal is the proof, or {@code null}
 * @param receipt          the receipt of the rehearsal environment, or {@code null}
 * @param skipReason       why this run may go without proof, or {@code null}
 */
public record PromotionOptions(String environment, String required, Target rehearsalServer, Path receipt,
        String skipReason) {
    /** Nothing required, no proof at hand. */
    public static final PromotionOptions NONE = new PromotionOptions(null, null, null, null, null);
    /** The password variable of the rehearsal environment's database: never the target's. */
    public static final String PASSWORD_VARIABLE = "OPTA_MIGRATE_REHEARSAL_PASSWORD";

    /** The options the settings give; the rehearsal server's password comes from {@value #PASSWORD_VARIABLE}. */
    public static PromotionOptions from(Settings settings) {
        Target server = settings.get(CoreSetting.REHEARSAL_URL).map(url -> TargetResolver.otherServer(url,
                settings.sourceOf(CoreSetting.REHEARSAL_URL), PASSWORD_VARIABLE, settings.environment())).orElse(null);
        return new PromotionOptions(settings.get(CoreSetting.ENVIRONMENT).orElse(null),
                settings.get(CoreSetting.REQUIRE_REHEARSAL).orElse(null), server,
                settings.get(CoreSetting.REHEARSAL_RECEIPT).map(Path::of).orElse(null),
                settings.get(CoreSetting.SKIP_REHEARSAL).orElse(null));
    }

    /** Whether a proof is at hand: for the gate, and for an estimate from the durations it recorded. */
    public boolean hasProof() {
        return rehearsalServer != null || receipt != null;
    }
}
