package dev.streamsuite.iot.topology;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The newest reading time a task has seen, which decides when windows close. Kept in a
 * changelogged store, not in memory: a restart that forgot it would let a late reading reopen a
 * window whose final result was published already.
 */
final class ReadingClock {

    private static final String NEWEST = IotTopology.NEWEST_READING_TIME;

    private final KeyValueStore<String, Long> store;
    /** What the store holds, read once: the clock of one task, made anew when the task is (re)initialized. */
    private Long newest;

    ReadingClock(KeyValueStore<String, Long> store) {
        this.store = store;
    }

    /** Takes a reading's time into account; returns the newest reading time seen, this one included. */
    long advance(long readingTime) {
        if (newest == null) {
            newest = store.get(NEWEST);
        }
        if (newest != null && newest >= readingTime) {
            return newest;
        }
        newest = readingTime;
        store.put(NEWEST, readingTime);
        return readingTime;
    }
}
