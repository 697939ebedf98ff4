package dev.streamsuite.benchmarks;

import dev.streamsuite.schemas.payments.Transaction;
import dev.streamsuite.streams.RegistryAvroSerdes;
import io.apicurio.registry.serde.avro.AvroSerde;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The baselines, as a process of their own: a Kafka Streams application with exactly-once that
 * copies the payments to another topic, either as bytes (B0: what the transaction costs) or as
 * {@code Transaction} records through the platform's registry serdes (B1: what the serde path
 * adds), or through Apicurio's own serde with the same settings ({@code apicurio}, what the
 * platform's serdes replaced). Usage: {@code PassThrough bytes|avro|apicurio <bootstrap> <registry url> <input> <output>
 * <application id> <stream threads> <state dir>}.
 */
public final class PassThrough {

    private PassThrough() {}

    public static void main(String[] args) throws InterruptedException {
        var properties = new Properties();
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[1]);
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, args[5]);
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.parseInt(args[6]));
        properties.put(StreamsConfig.STATE_DIR_CONFIG, args[7]);
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        var builder = new StreamsBuilder();
        var registry = new RegistryAvroSerdes(args[2], true, Map.of());
        if (!args[0].equals("bytes")) {
            Serde<Transaction> values;
            if (args[0].equals("avro")) {
                values = registry.valueSerde(Transaction.class);
            } else {
                values = new AvroSerde<>();
                values.configure(registry.config(), false);
            }
            builder.stream(args[3], Consumed.with(Serdes.String(), values))
                    .to(args[4], Produced.with(Serdes.String(), values));
        } else {
            builder.stream(args[3], Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                    .to(args[4], Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        }
        var stopped = new CountDownLatch(1);
        try (var streams = new KafkaStreams(builder.build(), properties)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                streams.close();
                stopped.countDown();
            }));
            streams.start();
            stopped.await();
        }
    }
}
