package dev.streamsuite.fraud.topology;

import dev.streamsuite.fraud.rules.AmountAnomalyRule;
import dev.streamsuite.fraud.rules.BlocklistRule;
import dev.streamsuite.fraud.rules.CardTestingRule;
import dev.streamsuite.fraud.rules.ImpossibleTravelRule;
import dev.streamsuite.fraud.rules.InvalidRuleException;
import dev.streamsuite.fraud.rules.RuleParameters;
import dev.streamsuite.fraud.rules.VelocityRule;
import dev.streamsuite.schemas.payments.FraudRule;
import dev.streamsuite.schemas.payments.RuleType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves which rules apply: one built-in instance per rule type (ids {@code velocity},
 * {@code amount-anomaly}, {@code impossible-travel}, {@code blocklist}, {@code card-testing},
 * version 0, parameters from the settings), overlaid by the rules topic. A rule on the topic
 * with a built-in id replaces it (a new version, or {@code enabled=false} to switch it off);
 * other ids add instances. Parsed rules are cached by id and version.
 */
final class ActiveRules {

    static final String COOLDOWN_PARAMETER = "cooldown";
    private static final Logger log = LoggerFactory.getLogger(ActiveRules.class);

    private final FraudSettings settings;
    private final Map<String, ConfiguredRule> builtIn = new LinkedHashMap<>();
    private final Map<String, ConfiguredRule> parsed = new HashMap<>();
    private final Map<String, Integer> rejectedVersions = new HashMap<>();

    ActiveRules(FraudSettings settings) {
        this.settings = settings;
        add(builtIn, RuleType.VELOCITY, settings.velocity());
        add(builtIn, RuleType.AMOUNT_ANOMALY, settings.amountAnomaly());
        add(builtIn, RuleType.IMPOSSIBLE_TRAVEL, settings.impossibleTravel());
        add(builtIn, RuleType.BLOCKLIST, new BlocklistRule());
        add(builtIn, RuleType.CARD_TESTING, settings.cardTesting());
    }

    /** The rules in force, given the current contents of the rules topic (id to rule). */
    List<ConfiguredRule> resolve(Iterable<KeyValue<String, FraudRule>> published) {
        var active = new LinkedHashMap<>(builtIn);
        for (var entry : published) {
            FraudRule rule = entry.value;
            if (rule == null) {
                continue;
            }
            String id = rule.getRuleId();
            if (!rule.getEnabled()) {
                active.remove(id);
                continue;
            }
            ConfiguredRule configured = parse(rule);
            if (configured != null) {
                active.put(id, configured);
            }
        }
        return new ArrayList<>(active.values());
    }

    private ConfiguredRule parse(FraudRule rule) {
        var cached = parsed.get(rule.getRuleId());
        if (cached != null && cached.version() == rule.getVersion()) {
            return cached;
        }
        if (rejectedVersions.getOrDefault(rule.getRuleId(), Integer.MIN_VALUE) == rule.getVersion()) {
            return cached;
        }
        try {
            var parameters = new RuleParameters(rule.getParameters());
            Object logic = logicFor(rule.getRuleId(), rule.getType(), parameters);
            var configured = new ConfiguredRule(
                    rule.getRuleId(),
                    rule.getVersion(),
                    rule.getType(),
                    logic,
                    parameters.duration(COOLDOWN_PARAMETER, settings.alertCooldown()));
            parsed.put(rule.getRuleId(), configured);
            return configured;
        } catch (InvalidRuleException e) {
            rejectedVersions.put(rule.getRuleId(), rule.getVersion());
            log.error(
                    "Ignoring version {} of rule '{}': {}. Publish a corrected version to {} to apply it.",
                    rule.getVersion(),
                    rule.getRuleId(),
                    e.getMessage(),
                    "the rules topic");
            // The last usable version of this rule, if any, stays in force.
            return cached;
        }
    }

    private Object logicFor(String ruleId, RuleType type, RuleParameters parameters) {
        return switch (type) {
            case VELOCITY -> VelocityRule.fromParameters(ruleId, parameters, settings.velocity());
            case AMOUNT_ANOMALY -> AmountAnomalyRule.fromParameters(ruleId, parameters, settings.amountAnomaly());
            case IMPOSSIBLE_TRAVEL ->
                ImpossibleTravelRule.fromParameters(ruleId, parameters, settings.impossibleTravel());
            case CARD_TESTING -> CardTestingRule.fromParameters(ruleId, parameters, settings.cardTesting());
            case BLOCKLIST -> new BlocklistRule();
            case UNKNOWN ->
                throw new InvalidRuleException(
                                "type",
                                String.valueOf(type),
                                "one of VELOCITY, AMOUNT_ANOMALY, IMPOSSIBLE_TRAVEL, " + "BLOCKLIST, CARD_TESTING")
                        .inRule(ruleId);
        };
    }

    private void add(Map<String, ConfiguredRule> rules, RuleType type, Object logic) {
        String id = builtInId(type);
        rules.put(id, new ConfiguredRule(id, 0, type, logic, settings.alertCooldown()));
    }

    static String builtInId(RuleType type) {
        return type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
