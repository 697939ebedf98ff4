package dev.streamsuite.clickstream.topology;

import dev.streamsuite.clickstream.domain.SessionEvent;

/** A validated click of a shopper not flagged for fraud; internal, never written to a topic or store. */
record Click(String eventId, String userId, String category, SessionEvent event) {}
