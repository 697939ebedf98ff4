package dev.streamsuite.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * What the three generators share: the clock they are ticked with (never backwards, millisecond
 * precision), labelled scenarios started as a Poisson process from their own seeded random, the
 * scenario ids, and the ground truth they record. A generator adds its traffic in {@link #advance}.
 */
public abstract class ScenarioTraffic implements TrafficSimulator {

    protected final long seed;
    protected final Emit emit;
    /** Everything about scenarios draws from this one, so normal traffic stays the same with or without them. */
    protected final Random scenarioRandom;

    private final String idPrefix;
    private final List<GroundTruth> recorded = new ArrayList<>();
    private Instant lastTick;
    private boolean stopped;
    private int scenarios;

    /**
     * @param idPrefix scenario ids are {@code <idPrefix>-<seed>-<n>}
     * @param scenarioPurpose tells this generator's scenario random apart from its others
     */
    protected ScenarioTraffic(long seed, Emit emit, String idPrefix, long scenarioPurpose) {
        this.seed = seed;
        this.emit = emit;
        this.idPrefix = idPrefix;
        this.scenarioRandom = Randoms.forPurpose(seed, scenarioPurpose);
    }

    @Override
    public final void tick(Instant now) {
        Instant t = now.truncatedTo(ChronoUnit.MILLIS);
        if (lastTick == null) {
            lastTick = t;
            begin(t);
        } else if (t.isBefore(lastTick)) {
            t = lastTick;
        }
        double seconds = Randoms.secondsBetween(lastTick, t);
        lastTick = t;
        advance(t, seconds);
    }

    /** The first tick, before anything is emitted. */
    protected void begin(Instant t) {}

    /** Emits everything due at {@code t}, {@code seconds} after the previous tick. */
    protected abstract void advance(Instant t, double seconds);

    /** Starts as many scenarios as a Poisson process of {@code perSecond} gives over {@code seconds}, unless stopped. */
    protected final void startScenarios(double perSecond, double seconds, Runnable start) {
        if (stopped) {
            return;
        }
        int starts = Randoms.poisson(scenarioRandom, perSecond * seconds);
        for (int i = 0; i < starts; i++) {
            start.run();
        }
    }

    /** Starts the first of {@code kinds}, in random order, that finds an eligible entity. */
    protected final <K> void startAnyOf(Collection<K> kinds, Predicate<K> started) {
        Randoms.firstThatSucceeds(scenarioRandom, List.copyOf(kinds), started);
    }

    /** From a random place in {@code candidates} on, the first that qualifies; null when none does. */
    protected final <E> E findEligible(List<E> candidates, Predicate<E> qualifies) {
        if (candidates.isEmpty()) {
            return null;
        }
        int start = scenarioRandom.nextInt(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            E candidate = candidates.get((start + i) % candidates.size());
            if (qualifies.test(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Scenarios started so far. */
    public final long scenariosStarted() {
        return scenarios;
    }

    protected final String nextScenarioId() {
        scenarios++;
        return idPrefix + "-" + seed + "-" + scenarios;
    }

    /** {@code now}, or the last tick when that is later: scenarios never start in the past. */
    protected final Instant notBeforeLastTick(Instant now) {
        return Randoms.notBefore(now, lastTick);
    }

    protected final boolean stopped() {
        return stopped;
    }

    protected final void record(GroundTruth truth) {
        recorded.add(truth);
    }

    @Override
    public final List<GroundTruth> drainGroundTruth() {
        List<GroundTruth> drained = List.copyOf(recorded);
        recorded.clear();
        return drained;
    }

    @Override
    public final void stopScenarios() {
        stopped = true;
    }
}
