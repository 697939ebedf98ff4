package dev.streamsuite.fraud.topology;

import dev.streamsuite.fraud.domain.AmountAnomalyRule;
import dev.streamsuite.fraud.domain.BlocklistRule;
import dev.streamsuite.fraud.domain.CardTestingRule;
import dev.streamsuite.fraud.domain.ImpossibleTravelRule;
import dev.streamsuite.fraud.domain.InvalidRuleException;
import dev.streamsuite.fraud.domain.Rule;
import dev.streamsuite.fraud.domain.RuleParameters;
import dev.streamsuite.fraud.domain.VelocityRule;
import dev.streamsuite.schemas.payments.RuleType;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every rule type the service runs, one line each: where its built-in instance comes from and how
 * a version published on the rules topic is read. Built-in instances are evaluated in this order.
 * A new rule type is its {@link Rule} class, a line here, and its block in the settings.
 */
final class RuleTypes {

    static final List<RuleTypes.Entry<?>> ALL = List.of(
            entry(RuleType.VELOCITY, FraudSettings::velocity, VelocityRule::fromParameters),
            entry(RuleType.AMOUNT_ANOMALY, FraudSettings::amountAnomaly, AmountAnomalyRule::fromParameters),
            entry(RuleType.IMPOSSIBLE_TRAVEL, FraudSettings::impossibleTravel, ImpossibleTravelRule::fromParameters),
            entry(RuleType.BLOCKLIST, settings -> new BlocklistRule(), (ruleId, parameters, builtIn) -> builtIn),
            entry(RuleType.CARD_TESTING, FraudSettings::cardTesting, CardTestingRule::fromParameters));

    private RuleTypes() {}

    /**
     * @throws InvalidRuleException for a type not listed here
     */
    static Entry<?> of(String ruleId, RuleType type) {
        return ALL.stream()
                .filter(entry -> entry.type() == type)
                .findFirst()
                .orElseThrow(() -> new InvalidRuleException(
                                "type",
                                String.valueOf(type),
                                ALL.stream()
                                        .map(entry -> entry.type().name())
                                        .collect(Collectors.joining(", ", "one of ", "")))
                        .inRule(ruleId));
    }

    /** Reads a published version; parameters it does not set keep those of the built-in instance. */
    @FunctionalInterface
    interface Parser<R extends Rule> {
        R parse(String ruleId, RuleParameters parameters, R builtIn);
    }

    record Entry<R extends Rule>(RuleType type, Function<FraudSettings, R> builtIn, Parser<R> parser) {

        R parse(String ruleId, RuleParameters parameters, FraudSettings settings) {
            return parser.parse(ruleId, parameters, builtIn.apply(settings));
        }
    }

    private static <R extends Rule> Entry<R> entry(
            RuleType type, Function<FraudSettings, R> builtIn, Parser<R> parser) {
        return new Entry<>(type, builtIn, parser);
    }
}
