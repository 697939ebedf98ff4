package dev.streamsuite.clickstream.topology;

import dev.streamsuite.clickstream.domain.RecentItems;
import java.time.Instant;

/** Per user: recent items and purchases, and when recommendations were last published. */
record UserState(RecentItems recent, Instant lastPublished) {}
