package dev.streamsuite.simulator.evaluation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What {@link Evaluator} found.
 *
 * @param slack the slack the alerts were matched with
 * @param alertKinds one entry per alert kind present in the ground truth or among the observed alerts, by domain and
 *     kind
 * @param notAlertKinds ground truth of records that must be handled without an alert, counted
 * @param followUpAlerts observed alerts of the follow-up kinds, counted by kind; not scored
 */
public record Report(
        Duration slack,
        List<KindResult> alertKinds,
        List<NotAlertKind> notAlertKinds,
        Map<String, Integer> followUpAlerts) {

    /**
     * The score of one alert kind.
     *
     * @param duplicates alerts that matched an incident already matched by another alert: not false positives
     * @param latenciesMs end-to-end latencies of the true positives where known, ascending
     */
    public record KindResult(
            String domain,
            String kind,
            int truePositives,
            int falsePositives,
            int falseNegatives,
            int duplicates,
            List<Long> latenciesMs) {

        public KindResult {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(kind, "kind");
            List<Long> sorted = new ArrayList<>(latenciesMs);
            Collections.sort(sorted);
            latenciesMs = List.copyOf(sorted);
        }

        /** TP / (TP + FP); NaN without any alert. */
        public double precision() {
            int alerts = truePositives + falsePositives;
            return alerts == 0 ? Double.NaN : (double) truePositives / alerts;
        }

        /** TP / (TP + FN); NaN without any ground truth. */
        public double recall() {
            int expected = truePositives + falseNegatives;
            return expected == 0 ? Double.NaN : (double) truePositives / expected;
        }

        /**
         * The nearest-rank percentile of the latencies: the smallest latency that at least {@code percentile}% of the
         * latencies do not exceed. Empty without latencies.
         *
         * @param percentile in (0, 100]
         */
        public OptionalLong latencyPercentileMs(double percentile) {
            if (!(percentile > 0.0 && percentile <= 100.0)) {
                throw new IllegalArgumentException("percentile must be within (0, 100], was " + percentile);
            }
            if (latenciesMs.isEmpty()) {
                return OptionalLong.empty();
            }
            int rank = (int) Math.ceil(percentile / 100.0 * latenciesMs.size());
            return OptionalLong.of(latenciesMs.get(Math.max(1, rank) - 1));
        }

        public OptionalLong p50Ms() {
            return latencyPercentileMs(50);
        }

        public OptionalLong p95Ms() {
            return latencyPercentileMs(95);
        }

        public OptionalLong p99Ms() {
            return latencyPercentileMs(99);
        }
    }

    /** Ground truth of one kind that expects no alert. */
    public record NotAlertKind(String domain, String kind, int groundTruths) {}

    public Report {
        Objects.requireNonNull(slack, "slack");
        alertKinds = List.copyOf(alertKinds);
        notAlertKinds = List.copyOf(notAlertKinds);
        followUpAlerts = Collections.unmodifiableMap(new TreeMap<>(followUpAlerts));
    }

    /** The result of an alert kind, e.g. {@code VELOCITY}. */
    public Optional<KindResult> result(String kind) {
        return alertKinds.stream().filter(r -> r.kind().equals(kind)).findFirst();
    }

    /** A fixed-width text table of the results, followed by the not-alert and follow-up counts. */
    public String toTable() {
        StringBuilder out = new StringBuilder();
        String row = "%-12s %-18s %5s %5s %5s %5s %9s %7s %8s %8s %8s%n";
        out.append(format(
                row, "domain", "kind", "TP", "FP", "FN", "dup", "precision", "recall", "p50 ms", "p95 ms", "p99 ms"));
        for (KindResult r : alertKinds) {
            out.append(format(
                    row,
                    r.domain(),
                    r.kind(),
                    r.truePositives(),
                    r.falsePositives(),
                    r.falseNegatives(),
                    r.duplicates(),
                    ratio(r.precision()),
                    ratio(r.recall()),
                    millis(r.p50Ms()),
                    millis(r.p95Ms()),
                    millis(r.p99Ms())));
        }
        if (alertKinds.isEmpty()) {
            out.append("(no alerts expected or observed)").append(System.lineSeparator());
        }
        out.append(format("matched within [from, to + %s]%n", slack));
        if (!notAlertKinds.isEmpty()) {
            out.append(format("not alerts (handled without an alert, not scored):%n"));
            for (NotAlertKind n : notAlertKinds) {
                out.append(format("  %-12s %-18s %5d ground truth%n", n.domain(), n.kind(), n.groundTruths()));
            }
        }
        if (!followUpAlerts.isEmpty()) {
            out.append(format("follow-up alerts (not scored):%n"));
            followUpAlerts.forEach((kind, count) -> out.append(format("  %-31s %5d%n", kind, count)));
        }
        return out.toString();
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "-" : format("%.3f", value);
    }

    private static String millis(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "-";
    }
}
