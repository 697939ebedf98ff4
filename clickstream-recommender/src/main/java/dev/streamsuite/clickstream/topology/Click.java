package dev.streamsuite.clickstream.topology;

import dev.streamsuite.clickstream.domain.SessionEvent;

/** A validated click of a shopper not flagged for fraud. Internal (a ScreenedClick on repartition topics). */
record Click(String eventId, String userId, String category, SessionEvent event) {}
