package dev.streamsuite.streams.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.streams.KafkaStreamsMicrometerListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Exports Kafka Streams' metrics within seconds of their creation. Spring binds Micrometer when
 * the streams start, before any task is assigned, and Micrometer looks for new Kafka metrics
 * only every 60 s: the task, processor, state-store and custom metrics (lateness, end-to-end
 * latency, restore progress) were missing for a minute after every start and rebalance, so
 * dashboards and alerts saw nothing during the moments that matter. This replaces Boot's
 * listener with one that looks every {@link #INTERVAL}.
 */
final class StreamsMetricsRefresh implements StreamsBuilderFactoryBeanConfigurer, DisposableBean {

    static final Duration INTERVAL = Duration.ofSeconds(10);

    private final ObjectProvider<MeterRegistry> registries;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    StreamsMetricsRefresh(ObjectProvider<MeterRegistry> registries) {
        this.registries = registries;
        scheduler.setThreadNamePrefix("kafka-streams-metrics-");
        scheduler.setPoolSize(1);
        scheduler.initialize();
    }

    @Override
    public void configure(StreamsBuilderFactoryBean factoryBean) {
        MeterRegistry registry = registries.getIfAvailable();
        if (registry == null) {
            return;
        }
        factoryBean.getListeners().stream()
                .filter(KafkaStreamsMicrometerListener.class::isInstance)
                .toList()
                .forEach(factoryBean::removeListener);
        factoryBean.addListener(new KafkaStreamsMicrometerListener(registry, scheduler) {
            @Override
            protected MeterBinder createClientMetrics(KafkaStreams client, List<Tag> tags) {
                return new KafkaStreamsMetrics(client, tags, this.scheduler, INTERVAL);
            }
        });
    }

    /** After Boot's configurer, which adds the listener this one replaces. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void destroy() {
        scheduler.shutdown();
    }
}
