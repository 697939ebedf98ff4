package dev.streamsuite.fraud.topology;

import dev.streamsuite.schemas.payments.FraudAlert;
import dev.streamsuite.schemas.payments.PaymentDecision;
import java.util.List;

/** The outcome of one payment: its decision and the alerts it raised. Never leaves the topology. */
record Evaluation(PaymentDecision decision, List<FraudAlert> alerts) {}
