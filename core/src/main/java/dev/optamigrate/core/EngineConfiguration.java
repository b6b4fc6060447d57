package dev.optamigrate.core;

import dev.optamigrate.core.analysis.AllowList;
import dev.optamigrate.core.analysis.SafetyMode;
import dev.optamigrate.core.event.EventListener;
import dev.optamigrate.core.guard.LockGuard;
import dev.optamigrate.core.policy.RunPolicy;
import dev.optamigrate.core.promotion.PromotionOptions;
import dev.optamigrate.core.release.ContractGateOptions;
import dev.optamigrate.core.release.RunningRelease;
import dev.optamigrate.core.spi.Confirmation;
import dev.optamigrate.core.spi.ToolOptions;
import dev.optamigrate.core.target.Target;
import dev.optamigrate.core.tool.MigrationTools;
import java.time.Duration;
import java.util.List;

/**
 * The engine's configuration as {@link MigratorConfiguration} copied it: immutable, so that neither the builder
 * nor a strategy changes a loaded {@link Migrator}.
 *
 * @param target   the database, or {@code null} for a strategy that runs the engine elsewhere
 * @param tool     the tool's name, or {@code null} until it is detected from the location
 * @param strategy the strategy name recorded in the journal
 * @param release  the release recorded in the journal, or {@code null}
 * @param operator who runs the migration, or {@code null}
 * @param fleet    the fleet run this run is part of, recorded in the journal, or {@code null}
 * @param lockGuard how migration statements wait for table locks
 * @param contractGate how migrate applies the contract gate
 * @param policy   the standby and maintenance windows a run that changes the schema must respect
 * @param promotion the environment the pending migrations must have succeeded on first, and the proof
 */
record EngineConfiguration(Target target, String tool, String location, Duration lockWait, EventListener listener,
        String strategy, String release, String operator, String fleet, MigrationTools tools, Confirmation confirmation,
        SafetyMode safety, ToolOptions toolOptions, AllowList allowList, LockGuard lockGuard,
        ContractGateOptions contractGate, RunPolicy policy, PromotionOptions promotion) {

    /** This configuration for another target, recording another strategy. */
    EngineConfiguration at(Target otherTarget, String otherStrategy) {
        return new EngineConfiguration(otherTarget, tool, location, lockWait, listener, otherStrategy, release,
                operator, fleet, tools, confirmation, safety, toolOptions, allowList, lockGuard, contractGate, policy,
                promotion);
    }

    /** This configuration with its tool detected from the location when none was given. */
    EngineConfiguration withDetectedTool() {
        return tool != null ? this : new EngineConfiguration(target, tools.detect(location).tool(), location,
                lockWait, listener, strategy, release, operator, fleet, tools, confirmation, safety, toolOptions,
                allowList, lockGuard, contractGate, policy, promotion);
    }

    /** This configuration with the running releases a strategy found added to the gate's. */
    EngineConfiguration withRunning(List<RunningRelease> found) {
        return new EngineConfiguration(target, tool, location, lockWait, listener, strategy, release, operator,
                fleet, tools, confirmation, safety, toolOptions, allowList, lockGuard, contractGate.withRunning(found),
                policy, promotion);
    }
}
