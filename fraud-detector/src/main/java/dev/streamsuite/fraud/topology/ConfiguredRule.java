package dev.streamsuite.fraud.topology;

import dev.streamsuite.fraud.domain.Rule;
import dev.streamsuite.schemas.payments.RuleType;
import java.time.Duration;

/** One rule instance in force: its identity as alerts report it, and the rule with its parameters resolved. */
record ConfiguredRule(String ruleId, int version, RuleType type, Rule rule, Duration cooldown) {}
