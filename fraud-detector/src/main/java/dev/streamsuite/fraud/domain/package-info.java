/**
 * The fraud rules as pure functions of a payment and what is remembered about its card.
 *
 * <p>Conventions shared by the rules:
 *
 * <ul>
 *   <li>A rule that looks at the card's past is called as {@code evaluate(historyBeforePayment, payment)}: the
 *       {@link dev.streamsuite.fraud.domain.CardHistory} as it was before this payment was recorded, and the payment
 *       itself. The caller evaluates first and records the payment afterwards with {@code withPayment}. Past payments
 *       with the same transaction id as the payment (a redelivery) are ignored, so replaying a payment against a
 *       history that already holds it gives the same result.
 *   <li>All windows are in event time. A late payment is judged at its own event time against the payments around
 *       it; the results given earlier for other payments are not revisited.
 *   <li>{@link dev.streamsuite.fraud.domain.RuleHit#transactionIds()} lists the evidence oldest first and ends with the
 *       triggering payment.
 *   <li>Threshold rules score about 0.5 just past their threshold and 1.0 at twice the threshold or more.
 *   <li>Each rule's {@code fromParameters} reads the parameters named in its Javadoc and takes the rest from the
 *       given defaults; an unusable value throws {@link dev.streamsuite.fraud.domain.InvalidRuleException}.
 * </ul>
 */
package dev.streamsuite.fraud.domain;
