package dev.streamsuite.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDBTest {

    static {
        RocksDB.loadLibrary();
    }

    private static final Map<String, Object> CONFIGS =
            Map.of(BoundedRocksDB.MEMORY_MIB, "64", BoundedRocksDB.WRITE_BUFFER_SHARE, "0.5");

    /**
     * Before 10.10, RocksJava's get() turned "not found" into a C++ exception and caught it again: 1.6 us a miss
     * against 0.5 (facebook/rocksdb#13023), and most lookups of a blocklist or of a new key miss. The parent pom
     * names the version above Kafka Streams' own.
     */
    @Test
    void runsOnARocksDbWhoseMissesThrowNoException() {
        var version = RocksDB.rocksdbVersion();
        assertThat(version.getMajor() * 100 + version.getMinor())
                .as("RocksDB %s on the class path; 10.10 or later answers a miss without an exception", version)
                .isGreaterThanOrEqualTo(1010);
    }

    @Test
    void everyStoreChargesItsMemtablesToTheSameSharedCacheAndKeepsIndexesInIt() {
        var setter = new BoundedRocksDB();
        try (var first = options();
                var second = options()) {
            setter.setConfig("card-state", first, CONFIGS);
            setter.setConfig("device-windows.1700000000000", second, CONFIGS);

            assertThat(first.writeBufferManager()).isNotNull().isSameAs(second.writeBufferManager());
            var table = (BlockBasedTableConfig) first.tableFormatConfig();
            assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
            assertThat(BoundedRocksDB.sharedBytes()).isEqualTo(64L * 1024 * 1024);
            setter.close("card-state", first);
            setter.close("device-windows.1700000000000", second);
        }
    }

    @Test
    void aHundredMemtablesFirstBlocksLeaveMostOfTheMemtablesShareForData() {
        var setter = new BoundedRocksDB();
        try (var options = options()) {
            setter.setConfig("users", options, CONFIGS);

            long memtableShare = 64L * 1024 * 1024 / 2;
            assertThat(100 * options.arenaBlockSize()).isLessThanOrEqualTo(memtableShare / 4);
            setter.close("users", options);
        }
    }

    @Test
    void memtablesHaveABloomFilterOverTheirKeysThatAHundredOfThemCanAfford() {
        var setter = new BoundedRocksDB();
        try (var options = options()) {
            setter.setConfig("card-state", options, CONFIGS);

            assertThat(options.memtableWholeKeyFiltering()).isTrue();
            assertThat(options.memtablePrefixBloomSizeRatio()).isPositive();
            // Each memtable allocates its filter when it is created, a share of Kafka Streams' 16 MiB memtable size.
            long filterBytes = (long) (16L * 1024 * 1024 * options.memtablePrefixBloomSizeRatio());
            long memtableShare = 64L * 1024 * 1024 / 2;
            assertThat(100 * filterBytes).isLessThanOrEqualTo(memtableShare / 8);
            setter.close("card-state", options);
        }
    }

    @Test
    void refusesSettingsThatAreMissingOrOutOfRange() {
        var setter = new BoundedRocksDB();
        try (var options = options()) {
            var tooLarge = new HashMap<>(CONFIGS);
            tooLarge.put(BoundedRocksDB.WRITE_BUFFER_SHARE, "1.5");
            // The memory is created once per JVM, by the first store: the parsing it does is checked directly.
            assertThatThrownBy(() -> BoundedRocksDB.parse(Map.of(BoundedRocksDB.WRITE_BUFFER_SHARE, "0.5")))
                    .hasMessageContaining(BoundedRocksDB.MEMORY_MIB + " is not set");
            assertThatThrownBy(() -> BoundedRocksDB.parse(tooLarge))
                    .hasMessageContaining(BoundedRocksDB.WRITE_BUFFER_SHARE + " must be between 0 and 1");
            assertThatThrownBy(() -> BoundedRocksDB.parse(
                            Map.of(BoundedRocksDB.MEMORY_MIB, "lots", BoundedRocksDB.WRITE_BUFFER_SHARE, "0.5")))
                    .hasMessageContaining("must be a whole number of MiB");
            setter.setConfig("store", options, CONFIGS);
        }
    }

    private static Options options() {
        var options = new Options();
        options.setTableFormatConfig(new BlockBasedTableConfig());
        return options;
    }
}
