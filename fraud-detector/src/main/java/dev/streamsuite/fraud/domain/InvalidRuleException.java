package dev.streamsuite.fraud.domain;

import java.util.Objects;

/**
 * A rule's parameter has a value the rule cannot work with. The message names the rule (when known), the
 * parameter, the value and what was expected, so that whoever published the rule can fix it from the log line
 * alone, e.g. {@code parameter 'window' of rule 'velocity-eu': "1 minute" is not an ISO-8601 duration such as PT1M}.
 */
public class InvalidRuleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String ruleId;
    private final String parameter;
    private final String value;
    private final String expectation;

    /** For a check that does not know which rule it is checking; see {@link #inRule(String)}. */
    public InvalidRuleException(String parameter, String value, String expectation) {
        this(null, parameter, value, expectation, null);
    }

    /**
     * @param ruleId {@code null} when not known
     * @param expectation completes the sentence "value is not ...", e.g. "a positive duration"
     */
    public InvalidRuleException(String ruleId, String parameter, String value, String expectation, Throwable cause) {
        super(message(ruleId, parameter, value, expectation), cause);
        this.ruleId = ruleId;
        this.parameter = Objects.requireNonNull(parameter, "parameter");
        this.value = value;
        this.expectation = Objects.requireNonNull(expectation, "expectation");
    }

    /** The same complaint, attributed to the rule {@code ruleId}. */
    public InvalidRuleException inRule(String ruleId) {
        return new InvalidRuleException(ruleId, parameter, value, expectation, getCause());
    }

    /** {@code null} when not known. */
    public String ruleId() {
        return ruleId;
    }

    public String parameter() {
        return parameter;
    }

    public String value() {
        return value;
    }

    public String expectation() {
        return expectation;
    }

    private static String message(String ruleId, String parameter, String value, String expectation) {
        String where = ruleId == null
                ? "parameter '" + parameter + "'"
                : "parameter '" + parameter + "' of rule '" + ruleId + "'";
        return where + ": \"" + value + "\" is not " + expectation;
    }
}
