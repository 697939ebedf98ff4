package dev.streamsuite.testsupport;

import static org.awaitility.Awaitility.await;

import dev.streamsuite.streams.KeyPlacement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * One instance of a service, as a separate Spring context on its own free port and state
 * directory, against the shared broker and registry. Several of them form one consumer group,
 * which is how tests exercise forwarding between instances.
 */
public final class ServiceInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ConfigurableApplicationContext context;
    private final int port;

    private ServiceInstance(ConfigurableApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    public static ServiceInstance start(Class<?> application, String... extraArguments) {
        var infrastructure = TestInfrastructure.shared();
        int port = LoopbackPorts.free();
        var arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--streamsuite.advertised-host=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafka().bootstrapServers(),
                "--streamsuite.registry.url=" + infrastructure.registry().registryApiUrl(),
                "--spring.kafka.streams.state-dir=" + StateDirectories.fresh("instance-" + port),
                // Tests stop and start instances: leaving the group spares a session timeout.
                "--streamsuite.streams.leave-group-on-close=true"));
        arguments.addAll(List.of(extraArguments));
        var context = new SpringApplicationBuilder(application).run(arguments.toArray(String[]::new));
        return new ServiceInstance(context, port);
    }

    /** Starts an instance and waits until its streams run (a slow machine gets two minutes). */
    public static ServiceInstance startRunning(Class<?> application, String... extraArguments) {
        var instance = start(application, extraArguments);
        await().atMost(Duration.ofMinutes(2)).until(instance::isRunning);
        return instance;
    }

    /** {@code count} keys {@code <prefix>0, <prefix>1, ...} that the default partitioner puts on {@code partition}. */
    public static List<String> keysOnPartition(String prefix, int partition, int partitions, int count) {
        var keys = new ArrayList<String>();
        for (int i = 0; keys.size() < count; i++) {
            if (KeyPlacement.expectedPartition(prefix + i, partitions) == partition) {
                keys.add(prefix + i);
            }
        }
        return List.copyOf(keys);
    }

    public StreamsBuilderFactoryBean streams() {
        return context.getBean(StreamsBuilderFactoryBean.class);
    }

    public boolean isRunning() {
        KafkaStreams streams = streams().getKafkaStreams();
        return streams != null && streams.state() == KafkaStreams.State.RUNNING;
    }

    public int port() {
        return port;
    }

    /** GET on this instance's HTTP port. */
    public HttpResponse<String> get(String path) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
