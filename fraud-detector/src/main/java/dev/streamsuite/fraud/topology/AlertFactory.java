package dev.streamsuite.fraud.topology;

import dev.streamsuite.fraud.domain.AlertIds;
import dev.streamsuite.fraud.domain.Decision;
import dev.streamsuite.fraud.domain.Payment;
import dev.streamsuite.fraud.domain.RuleHit;
import dev.streamsuite.schemas.common.TimeWindow;
import dev.streamsuite.schemas.payments.AlertEvidence;
import dev.streamsuite.schemas.payments.DecisionOutcome;
import dev.streamsuite.schemas.payments.FraudAlert;
import dev.streamsuite.schemas.payments.PaymentDecision;
import dev.streamsuite.schemas.payments.Severity;
import java.util.LinkedHashMap;
import java.util.List;

/** Builds the output records from rule hits and decisions. */
final class AlertFactory {

    private AlertFactory() {}

    static FraudAlert alert(ConfiguredRule rule, RuleHit hit, Payment payment) {
        // RuleHit windows are inclusive of their newest payment; TimeWindow is half-open.
        TimeWindow window = hit.windowStart() == null
                ? null
                : new TimeWindow(hit.windowStart(), hit.windowEnd().plusMillis(1));
        return FraudAlert.newBuilder()
                .setAlertId(AlertIds.alertId(rule.ruleId(), rule.version(), payment.cardId(), payment.transactionId()))
                .setCardId(payment.cardId())
                .setAccountId(payment.accountId())
                .setTransactionId(payment.transactionId())
                .setRuleId(rule.ruleId())
                .setRuleVersion(rule.version())
                .setRuleType(rule.type())
                .setSeverity(Severity.valueOf(hit.severity().name()))
                .setScore(hit.score())
                .setReason(hit.reason())
                .setEvidence(new AlertEvidence(hit.transactionIds(), window, new LinkedHashMap<>(hit.figures())))
                .setEventTime(payment.eventTime())
                .build();
    }

    static PaymentDecision decision(Payment payment, Decision decision, List<String> firedRuleIds) {
        return PaymentDecision.newBuilder()
                .setDecisionId(AlertIds.decisionId(payment.transactionId()))
                .setTransactionId(payment.transactionId())
                .setCardId(payment.cardId())
                .setOutcome(DecisionOutcome.valueOf(decision.verdict().name()))
                .setRiskScore(decision.riskScore())
                .setFiredRuleIds(firedRuleIds)
                .setEventTime(payment.eventTime())
                .build();
    }
}
