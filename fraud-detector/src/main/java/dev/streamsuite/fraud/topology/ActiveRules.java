package dev.streamsuite.fraud.topology;

import dev.streamsuite.fraud.domain.InvalidRuleException;
import dev.streamsuite.fraud.domain.RuleParameters;
import dev.streamsuite.schemas.payments.FraudRule;
import dev.streamsuite.schemas.payments.RuleType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules in force: one built-in instance per rule type of {@link RuleTypes} (id the type's
 * name in kebab case, e.g. {@code amount-anomaly}, version 0, parameters from the settings),
 * overlaid by the rules in force topic. A rule there with a built-in id replaces it (a new
 * version, or {@code enabled=false} to switch it off); other ids add instances.
 *
 * <p>Only usable versions reach the rules in force topic ({@link RuleAcceptor} checks them), so
 * each version is parsed once, when it arrives, never per payment. The global thread updates
 * the rules; stream threads read an immutable snapshot.
 */
final class ActiveRules {

    static final String COOLDOWN_PARAMETER = "cooldown";

    private final FraudSettings settings;
    private final Map<String, ConfiguredRule> builtIn = new LinkedHashMap<>();
    /** Published rule ids; an empty value switches the id off. Guarded by {@code this}. */
    private final Map<String, Optional<ConfiguredRule>> published = new LinkedHashMap<>();

    private volatile List<ConfiguredRule> inForce;

    ActiveRules(FraudSettings settings) {
        this.settings = settings;
        for (var type : RuleTypes.ALL) {
            String id = builtInId(type.type());
            builtIn.put(
                    id,
                    new ConfiguredRule(id, 0, type.type(), type.builtIn().apply(settings), settings.alertCooldown()));
        }
        this.inForce = List.copyOf(builtIn.values());
    }

    /** The rules in force now. */
    List<ConfiguredRule> inForce() {
        return inForce;
    }

    /**
     * Applies a rule from the rules in force topic; {@code rule} null removes a published id
     * (the built-in instance of that id, if any, is in force again).
     *
     * @throws InvalidRuleException when the rule cannot be used; nothing changes then
     */
    synchronized void publish(String ruleId, FraudRule rule) {
        if (rule == null) {
            published.remove(ruleId);
        } else {
            published.put(ruleId, rule.getEnabled() ? Optional.of(parse(rule)) : Optional.empty());
        }
        var active = new LinkedHashMap<>(builtIn);
        published.forEach((id, configured) ->
                configured.ifPresentOrElse(inForceRule -> active.put(id, inForceRule), () -> active.remove(id)));
        inForce = List.copyOf(active.values());
    }

    /**
     * The rule as it would be in force.
     *
     * @throws InvalidRuleException naming the rule, the parameter and what is expected
     */
    ConfiguredRule parse(FraudRule rule) {
        var parameters = new RuleParameters(rule.getParameters());
        return new ConfiguredRule(
                rule.getRuleId(),
                rule.getVersion(),
                rule.getType(),
                RuleTypes.of(rule.getRuleId(), rule.getType()).parse(rule.getRuleId(), parameters, settings),
                parameters.duration(COOLDOWN_PARAMETER, settings.alertCooldown()));
    }

    static String builtInId(RuleType type) {
        return type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
