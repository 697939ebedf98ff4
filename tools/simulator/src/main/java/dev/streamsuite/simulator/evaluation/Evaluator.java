package dev.streamsuite.simulator.evaluation;

import dev.streamsuite.simulator.GroundTruth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores observed alerts against the ground truth, per alert kind.
 *
 * <p>An alert matches a ground truth of the same domain, kind and entity when its event time lies within {@code
 * [from, to + slack]}. Alerts are taken in event-time order, and each is matched to the unmatched ground truth it fits
 * that closes first (which matches as many as possible): that is a true positive. An alert that fits only ground
 * truths already matched repeats an incident (a rule alerting again after its cooldown, a redelivery): it counts as a
 * duplicate, not as a false positive. An alert that fits no ground truth is a false positive; a ground truth that no
 * alert matched is a false negative.
 *
 * <p>Latency is {@code receivedAt - sentAt} of each true positive whose alert has a {@code receivedAt} and whose
 * ground truth a {@code sentAt}; its percentiles are by the nearest-rank method.
 *
 * <p>Ground truths of the {@link #NOT_ALERT_KINDS} expect no alert and are only counted. Alerts of the follow-up kinds
 * ({@link #DEFAULT_FOLLOW_UP_KINDS} unless configured) are the expected sequels of an incident (a cleared threshold, a
 * device back online); they are only counted too.
 */
public final class Evaluator {

    /** How long after a ground truth's {@code to} an alert still matches it, unless configured. */
    public static final Duration DEFAULT_SLACK = Duration.ofMinutes(2);

    /** Ground truth kinds of records that must be handled without an alert. */
    public static final Set<String> NOT_ALERT_KINDS = Set.of("LATE_READINGS", "CORRUPT_READINGS", "BOT_SESSION");

    /** Alert kinds that follow an incident rather than report one. */
    public static final Set<String> DEFAULT_FOLLOW_UP_KINDS = Set.of("THRESHOLD_CLEARED", "BACK_ONLINE");

    private static final Comparator<ObservedAlert> ALERT_ORDER = Comparator.comparing(ObservedAlert::eventTime)
            .thenComparing(ObservedAlert::receivedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ObservedAlert::entityId);

    private static final Comparator<GroundTruth> CLOSING_ORDER = Comparator.comparing(GroundTruth::to)
            .thenComparing(GroundTruth::from)
            .thenComparing(GroundTruth::scenarioId);

    private final Duration slack;
    private final Set<String> followUpKinds;

    /** With the {@link #DEFAULT_SLACK} and the {@link #DEFAULT_FOLLOW_UP_KINDS}. */
    public Evaluator() {
        this(DEFAULT_SLACK);
    }

    public Evaluator(Duration slack) {
        this(slack, DEFAULT_FOLLOW_UP_KINDS);
    }

    public Evaluator(Duration slack, Set<String> followUpKinds) {
        Objects.requireNonNull(slack, "slack");
        if (slack.isNegative()) {
            throw new IllegalArgumentException("slack must not be negative, was " + slack);
        }
        this.slack = slack;
        this.followUpKinds = Set.copyOf(followUpKinds);
    }

    public Report evaluate(Collection<GroundTruth> truths, Collection<ObservedAlert> alerts) {
        Map<KindKey, List<GroundTruth>> expected = new TreeMap<>();
        Map<KindKey, Integer> notAlerts = new TreeMap<>();
        for (GroundTruth truth : truths) {
            KindKey key = new KindKey(truth.domain(), truth.kind());
            if (truth.expectsAlert()) {
                expected.computeIfAbsent(key, k -> new ArrayList<>()).add(truth);
            } else {
                notAlerts.merge(key, 1, Integer::sum);
            }
        }
        Map<KindKey, List<ObservedAlert>> observed = new TreeMap<>();
        Map<String, Integer> followUps = new TreeMap<>();
        for (ObservedAlert alert : alerts) {
            if (followUpKinds.contains(alert.kind())) {
                followUps.merge(alert.kind(), 1, Integer::sum);
            } else {
                observed.computeIfAbsent(new KindKey(alert.domain(), alert.kind()), k -> new ArrayList<>())
                        .add(alert);
            }
        }
        Set<KindKey> kinds = new TreeSet<>(expected.keySet());
        kinds.addAll(observed.keySet());
        List<Report.KindResult> results = kinds.stream()
                .map(key -> score(key, expected.getOrDefault(key, List.of()), observed.getOrDefault(key, List.of())))
                .toList();
        return new Report(
                slack,
                results,
                notAlerts.entrySet().stream()
                        .map(e -> new Report.NotAlertKind(
                                e.getKey().domain(), e.getKey().kind(), e.getValue()))
                        .toList(),
                followUps);
    }

    private Report.KindResult score(KindKey key, List<GroundTruth> truths, List<ObservedAlert> alerts) {
        Map<String, List<GroundTruth>> byEntity = new TreeMap<>();
        truths.forEach(truth -> byEntity.computeIfAbsent(truth.entityId(), k -> new ArrayList<>())
                .add(truth));
        Map<GroundTruth, ObservedAlert> matches = new IdentityHashMap<>();
        List<Long> latencies = new ArrayList<>();
        int falsePositives = 0;
        int duplicates = 0;
        for (ObservedAlert alert : alerts.stream().sorted(ALERT_ORDER).toList()) {
            List<GroundTruth> fitting = byEntity.getOrDefault(alert.entityId(), List.of()).stream()
                    .filter(truth -> fits(truth, alert.eventTime()))
                    .toList();
            var unmatched = fitting.stream()
                    .filter(truth -> !matches.containsKey(truth))
                    .min(CLOSING_ORDER);
            if (unmatched.isPresent()) {
                GroundTruth truth = unmatched.get();
                matches.put(truth, alert);
                if (truth.sentAt() != null && alert.receivedAt() != null) {
                    latencies.add(
                            Duration.between(truth.sentAt(), alert.receivedAt()).toMillis());
                }
            } else if (!fitting.isEmpty()) {
                duplicates++;
            } else {
                falsePositives++;
            }
        }
        return new Report.KindResult(
                key.domain(),
                key.kind(),
                matches.size(),
                falsePositives,
                truths.size() - matches.size(),
                duplicates,
                latencies);
    }

    private boolean fits(GroundTruth truth, Instant eventTime) {
        return !eventTime.isBefore(truth.from())
                && !eventTime.isAfter(truth.to().plus(slack));
    }

    private record KindKey(String domain, String kind) implements Comparable<KindKey> {

        private static final Comparator<KindKey> ORDER =
                Comparator.comparing(KindKey::domain).thenComparing(KindKey::kind);

        @Override
        public int compareTo(KindKey other) {
            return ORDER.compare(this, other);
        }
    }
}
