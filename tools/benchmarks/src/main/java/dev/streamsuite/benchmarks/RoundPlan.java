package dev.streamsuite.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The order of the service runs within one round. On this machine a run's place in the round moves its
 * figures: the first service after the baselines ran slowest in most rounds, and a pipeline's first run
 * meets a broker whose JIT has not yet compiled the code that pipeline drives. So the services take turns
 * at going first (round 1 in the given order, round 2 starting with the second, and so on), and where an
 * earlier build runs too, it and the build under test swap places every round, next to each other, so
 * that a before/after comparison over an even number of rounds has each of them first equally often.
 */
final class RoundPlan {

    /** One run: a service with a number of stream threads, of the build under test or of the earlier one. */
    record Step(String service, int threads, boolean before) {}

    private RoundPlan() {}

    /**
     * The runs of round {@code round} (counted from 1): for each of {@code services}, in turn, its runs with
     * one and two stream threads, and with {@code before} also the earlier build's run with one.
     */
    static List<Step> of(int round, List<String> services, boolean before) {
        var steps = new ArrayList<Step>();
        for (int i = 0; i < services.size(); i++) {
            String service = services.get((i + round - 1) % services.size());
            var oneThread = new Step(service, 1, false);
            if (!before) {
                steps.add(oneThread);
            } else if (round % 2 == 1) {
                steps.add(oneThread);
                steps.add(new Step(service, 1, true));
            } else {
                steps.add(new Step(service, 1, true));
                steps.add(oneThread);
            }
            steps.add(new Step(service, 2, false));
        }
        return steps;
    }
}
