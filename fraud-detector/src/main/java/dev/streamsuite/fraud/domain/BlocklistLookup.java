package dev.streamsuite.fraud.domain;

import java.util.Optional;

/** Finds the blocklist entry for a card, account or merchant id, e.g. in a state store or a global table. */
@FunctionalInterface
public interface BlocklistLookup {

    Optional<BlockedEntry> find(BlockedKind kind, String value);
}
