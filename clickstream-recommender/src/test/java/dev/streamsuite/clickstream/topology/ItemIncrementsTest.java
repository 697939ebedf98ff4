package dev.streamsuite.clickstream.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamsuite.clickstream.domain.PairIncrement;
import dev.streamsuite.clickstream.state.PairIncrementState;
import dev.streamsuite.streams.InternalFormat;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/** The pairs stage's records: one per item a click touches, and the records of the build before. */
class ItemIncrementsTest {

    private static final String TOPIC = "pairs-by-item-repartition";

    @Test
    void groupsAClicksIncrementsByTheirItemKeepingTheirOrder() {
        var increments = List.of(
                new PairIncrement("c", "b", 4.0),
                new PairIncrement("b", "c", 4.0),
                new PairIncrement("c", "a", 3.0),
                new PairIncrement("a", "c", 3.0));

        var byItem = ItemIncrements.byItem(increments);

        assertThat(byItem.keySet()).containsExactly("c", "b", "a");
        assertThat(byItem.get("c")).containsExactly(new PairIncrement("c", "b", 4.0), new PairIncrement("c", "a", 3.0));
        assertThat(byItem.get("b")).containsExactly(new PairIncrement("b", "c", 4.0));
    }

    @Test
    void anItemsIncrementsTravelAsOneRecord() {
        var serde = RecommenderState.itemIncrements();
        var increments = List.of(
                new PairIncrement("c", "b", 4.0), new PairIncrement("c", "a", 3.0), new PairIncrement("c", "d", 0.5));

        byte[] bytes = serde.serializer().serialize(TOPIC, increments);

        assertThat(serde.deserializer().deserialize(TOPIC, bytes)).containsExactlyElementsOf(increments);
    }

    @Test
    void refusesIncrementsOfDifferentItemsInOneRecord() {
        var serializer = RecommenderState.itemIncrements().serializer();
        var mixed = List.of(new PairIncrement("c", "b", 4.0), new PairIncrement("b", "c", 4.0));

        assertThatThrownBy(() -> serializer.serialize(TOPIC, mixed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("share their item");
    }

    /** What the build before wrote, one increment a record, is still on the topic during an upgrade. */
    @Test
    void readsARecordOfTheFirstVersionAsOneIncrement() throws Exception {
        var v1 = InternalFormat.releasedVersions(PairIncrementState.class).get(0);
        assertThat(v1.getField("more")).isNull();
        var record = new GenericData.Record(v1);
        record.put("from", "c");
        record.put("to", "b");
        record.put("weight", 4.0);
        var out = new ByteArrayOutputStream();
        out.write(InternalFormat.MARKER);
        out.write(1);
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericData.Record>(v1).write(record, encoder);
        encoder.flush();

        assertThat(RecommenderState.itemIncrements().deserializer().deserialize(TOPIC, out.toByteArray()))
                .containsExactly(new PairIncrement("c", "b", 4.0));
    }
}
