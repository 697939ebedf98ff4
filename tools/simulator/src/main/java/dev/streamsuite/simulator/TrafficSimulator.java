package dev.streamsuite.simulator;

import java.time.Instant;
import java.util.List;

/**
 * What the three generators have in common. A caller publishes the reference data once, then calls {@link #tick}
 * often (every 100 ms to 1 s) with the current time, and drains the ground truth as it goes.
 */
public interface TrafficSimulator {

    /** Emits the reference data the services need before the traffic: registry, catalog or blocklist entries. */
    void publishReferenceData();

    /**
     * Emits everything due up to {@code now}, which also is the event time of the records emitted. Ticks must not go
     * back in time; a tick with an earlier time than the previous one is treated as a tick at the previous time.
     */
    void tick(Instant now);

    /** The ground truth recorded since the previous call, in the order it was recorded; clears it. */
    List<GroundTruth> drainGroundTruth();

    /** Starts no new scenario from now on; running scenarios go on until they are complete. */
    void stopScenarios();

    /** Whether a scenario is still running, i.e. will emit more of its records on later ticks. */
    boolean scenariosInProgress();
}
