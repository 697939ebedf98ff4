package dev.streamsuite.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Caps the off-heap memory of all of a service's RocksDB stores together. Without it every store,
 * and every segment of a window store, takes RocksDB's defaults in Kafka Streams: its own 50 MiB
 * block cache and up to three 16 MiB memtables, so off-heap memory grows with the number of
 * stores, partitions and segments rather than with anything a user sets.
 *
 * <p>Here all stores of the JVM share one LRU block cache ({@code streamsuite.rocksdb.memory-mib});
 * the memtables are charged to that cache by one write buffer manager (up to
 * {@code streamsuite.rocksdb.write-buffer-share} of it), and index and filter blocks live in the cache too (pinned
 * at high priority, so a busy store cannot evict another's indexes). Both settings come from the
 * streams configuration, which the platform fills from {@code streamsuite.rocksdb.*}.
 */
public final class BoundedRocksDB implements RocksDBConfigSetter {

    /** Streams configuration key: the memory of all stores together, in MiB. */
    public static final String MEMORY_MIB = "streamsuite.rocksdb.memory-mib";

    /** Streams configuration key: the share of that memory memtables may take, between 0 and 1. */
    public static final String WRITE_BUFFER_SHARE = "streamsuite.rocksdb.write-buffer-share";

    private static final double HIGH_PRIORITY_SHARE = 0.1;

    /**
     * The block a memtable allocates at a time, charged to the write buffer manager from its first entry on.
     * RocksDB's default with Kafka Streams' 16 MiB memtables is 1 MiB, and a service opens dozens of stores and
     * window segments (the recommender about seventy): their first blocks alone exceed the memtables' share of a
     * small budget. The manager then stays over its limit and has each store flush a near-empty memtable on its next
     * write. Measured on the recommender: its RocksDB flush and compaction threads took half a core, each store wrote
     * a new file about every half second, and the stream thread got what was left of the two cores.
     */
    static final long ARENA_BLOCK_BYTES = 64 * 1024;

    /**
     * A bloom filter over each memtable's keys, of this share of its size (16 MiB: 34 KB, 11 to 14 bits per key for
     * the 20,000 to 25,000 card states a memtable holds). A lookup of a key the memtable does not hold, which is most
     * lookups where keys come back seconds or minutes apart, skips the search of its skip list: in fraud-detector's
     * profile that search was 8% of the stream thread (one card-state read per payment), 4% with the filter.
     */
    static final double MEMTABLE_BLOOM_RATIO = 0.002;

    private static Shared shared;

    /** One cache and one write buffer manager for the JVM; never closed, since every store uses them. */
    private record Shared(Cache cache, WriteBufferManager writeBuffers, long bytes) {}

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Shared memory = shared(configs);
        var table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(memory.writeBuffers());
        options.setArenaBlockSize(ARENA_BLOCK_BYTES);
        options.setMemtablePrefixBloomSizeRatio(MEMTABLE_BLOOM_RATIO);
        options.setMemtableWholeKeyFiltering(true);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared by every store: they stay open.
    }

    /** The memory every store shares, in bytes; 0 before the first store opened. */
    static synchronized long sharedBytes() {
        return shared == null ? 0 : shared.bytes();
    }

    private static synchronized Shared shared(Map<String, ?> configs) {
        if (shared == null) {
            Sizes sizes = parse(configs);
            var cache = new LRUCache(sizes.bytes(), -1, false, HIGH_PRIORITY_SHARE);
            shared = new Shared(
                    cache, new WriteBufferManager((long) (sizes.bytes() * sizes.writeShare()), cache), sizes.bytes());
        }
        return shared;
    }

    /** The sizes the streams configuration sets. */
    record Sizes(long bytes, double writeShare) {}

    static Sizes parse(Map<String, ?> configs) {
        return new Sizes(mebibytes(configs.get(MEMORY_MIB)) * 1024 * 1024, share(configs.get(WRITE_BUFFER_SHARE)));
    }

    private static long mebibytes(Object value) {
        String text = required(value, MEMORY_MIB);
        long parsed;
        try {
            parsed = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MEMORY_MIB + " must be a whole number of MiB, was '" + text + "'", e);
        }
        if (parsed < 1) {
            throw new IllegalArgumentException(MEMORY_MIB + " must be at least 1 (MiB), was " + parsed);
        }
        return parsed;
    }

    private static double share(Object value) {
        String text = required(value, WRITE_BUFFER_SHARE);
        double parsed;
        try {
            parsed = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    WRITE_BUFFER_SHARE + " must be a number between 0 and 1, was '" + text + "'", e);
        }
        if (!(parsed > 0 && parsed < 1)) {
            throw new IllegalArgumentException(
                    WRITE_BUFFER_SHARE + " must be between 0 and 1 (exclusive), was " + parsed);
        }
        return parsed;
    }

    private static String required(Object value, String key) {
        if (value == null) {
            throw new IllegalStateException(key + " is not set: the platform's defaults set it; set it in the streams"
                    + " properties when using " + BoundedRocksDB.class.getSimpleName() + " elsewhere.");
        }
        return value.toString().trim();
    }
}
