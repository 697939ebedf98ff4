/**
 * The clickstream recommender's model as pure Java: item-to-item co-occurrence learnt from shopping sessions, and
 * recommendations blended from it. No Kafka here; the topology keeps these values in its state stores.
 *
 * <p>Conventions:
 *
 * <ul>
 *   <li>Values are immutable records; an update returns a new value. Each record's components are what a store
 *       needs to save, and its constructor validates a value read back.
 *   <li>Time is always event time, passed in; nothing reads a clock. Scores decay exponentially with a half-life
 *       ({@link dev.streamsuite.clickstream.domain.Decay}) and are stored with the time they are valid at ({@link
 *       dev.streamsuite.clickstream.domain.DecayedScore}), so out-of-order events add up as if in order.
 *   <li>Lists of recent items are most recent first, by event time. Rankings are best first; equal scores are
 *       ordered by item id, so results never depend on arrival or hash order.
 *   <li>Everything per key is bounded: a session's items, a shopper's recent items and purchases, an item's
 *       related items.
 * </ul>
 *
 * <p>For each click, in this order: {@link dev.streamsuite.clickstream.domain.SessionPairs#increments} against the
 * session before the click, each increment added to its {@code from} item's {@link
 * dev.streamsuite.clickstream.domain.TopItems}; then the session and the shopper's {@link
 * dev.streamsuite.clickstream.domain.RecentItems} updated with the click; then {@link
 * dev.streamsuite.clickstream.domain.Recommender#recommend} with the updated shopper. The service's settings
 * (weights, items per session, capacities, half-life, recency factor) are in its application.yml; the offline
 * evaluation in {@code tools/benchmarks} measures the whole with those same settings.
 */
package dev.streamsuite.clickstream.domain;
