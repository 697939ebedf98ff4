package dev.streamsuite.clickstream.topology;

import dev.streamsuite.clickstream.domain.ScoredItem;
import dev.streamsuite.clickstream.domain.TopScores;
import dev.streamsuite.clickstream.state.TrendingSnapshot;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trending lists as recommendations read them. Each category has one published snapshot per input partition
 * (see {@link TrendingCounter}); the global store's loader hands every new snapshot to the board, and a category's
 * ranking, the sum of its partitions' latest windows, is worked out once after a change rather than on every
 * recommendation (which used to decode and add up the snapshots twice per click). The global thread writes; stream
 * threads and HTTP requests read.
 *
 * <p>The board holds what the global store holds (the loader feeds it on restore too), decoded: one snapshot per
 * category and input partition, each a trending list of {@code trending-size} items.
 */
public final class TrendingBoard {

    private final Duration window;
    private final Map<String, Map<String, TrendingSnapshot>> snapshotsByCategory = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, List<ScoredItem>> rankings = new ConcurrentHashMap<>();

    TrendingBoard(Duration window) {
        this.window = window;
    }

    /** A snapshot published under {@code key} ({@code <category>|<partition>}); null when it is deleted. */
    void changed(String key, TrendingSnapshot snapshot) {
        String category = TrendingCounter.categoryOf(key);
        if (snapshot == null) {
            snapshotsByCategory.computeIfPresent(category, (c, snapshots) -> {
                snapshots.remove(key);
                return snapshots.isEmpty() ? null : snapshots;
            });
        } else {
            snapshotsByCategory
                    .computeIfAbsent(category, c -> new ConcurrentHashMap<>())
                    .put(key, snapshot);
        }
        // After the snapshot is in: a ranking being worked out meanwhile finishes first and is dropped here.
        rankings.remove(category);
    }

    /**
     * Every item of the category's trending window, best first: the counts of each input partition's latest window
     * added up. A partition whose latest window ended before the newest one began has had no click since, and is
     * left out. Empty for a category without snapshots.
     */
    public List<ScoredItem> ranked(String category) {
        List<ScoredItem> ranked = rankings.computeIfAbsent(category, this::rank);
        return ranked == null ? List.of() : ranked;
    }

    /** Null (nothing kept) for a category nobody published: asking about any name must not grow the board. */
    private List<ScoredItem> rank(String category) {
        Map<String, TrendingSnapshot> snapshots = snapshotsByCategory.get(category);
        if (snapshots == null || snapshots.isEmpty()) {
            return null;
        }
        long newest = snapshots.values().stream()
                .mapToLong(TrendingSnapshot::getWindowStart)
                .max()
                .orElseThrow();
        var scores = new HashMap<String, Double>();
        snapshots.values().stream()
                .filter(snapshot -> snapshot.getWindowStart() + window.toMillis() > newest)
                .flatMap(snapshot -> snapshot.getItems().stream())
                .forEach(item -> scores.merge(item.getItemId(), item.getScore(), Double::sum));
        return TopScores.top(scores, scores.size());
    }
}
