package dev.streamsuite.simulator;

import java.time.Instant;
import java.util.List;

/** Payment accounts that a fraud scenario has recently taken over, for the click simulator's bot sessions. */
@FunctionalInterface
public interface CompromisedAccounts {

    /** No accounts ever: the click simulator then starts no bot session. */
    CompromisedAccounts NONE = now -> List.of();

    /**
     * The accounts compromised recently enough, at {@code now}, oldest first. An account is listed once the alert
     * about it has had time to reach the services, and for a limited time after.
     */
    List<String> compromisedAccounts(Instant now);
}
