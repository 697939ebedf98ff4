package dev.streamsuite.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Set;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.client.RestClient;

/** Unit test: Kafka Streams is mocked to put the key's partition in a chosen state. */
class StoreQueriesTest {

    private static final HostInfo SELF = new HostInfo("127.0.0.1", 8080);

    private final KafkaStreams kafkaStreams = mock(KafkaStreams.class);
    private final StoreQueries queries = queries();

    @Test
    void answersFromTheKeysOwnPartition() {
        ownedLocally(3);

        var response =
                queries.answer("store", "key", new MockHttpServletRequest("GET", "/x"), partition -> "p" + partition);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEqualTo("p3");
    }

    @Test
    void aPartitionStillRestoringAnswers503AsAProblemDetailNotUnknown() {
        ownedLocally(3);

        var response = queries.answer("store", "key", new MockHttpServletRequest("GET", "/x"), partition -> {
            throw new InvalidStateStoreException("partition 3 is restoring");
        });

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(((ProblemDetail) response.getBody()).getDetail()).contains("partition 3 is restoring");
    }

    @Test
    void aRequestForwardedOnceIsNotForwardedAgain() {
        when(kafkaStreams.state()).thenReturn(KafkaStreams.State.RUNNING);
        when(kafkaStreams.queryMetadataForKey(eq("store"), eq("key"), any(Serializer.class)))
                .thenReturn(new KeyQueryMetadata(new HostInfo("10.0.0.9", 8080), Set.of(), 1));
        var request = new MockHttpServletRequest("GET", "/x");
        request.addHeader(StoreQueries.FORWARDED_HEADER, "true");

        var response = queries.answer("store", "key", request, partition -> "never");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void aBadRequestIsAProblemDetail() {
        var response = StoreQueries.badRequest("limit must be between 1 and 100");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().getStatus()).isEqualTo(400);
        assertThat(response.getBody().getDetail()).isEqualTo("limit must be between 1 and 100");
    }

    private void ownedLocally(int partition) {
        when(kafkaStreams.state()).thenReturn(KafkaStreams.State.RUNNING);
        when(kafkaStreams.queryMetadataForKey(eq("store"), eq("key"), any(Serializer.class)))
                .thenReturn(new KeyQueryMetadata(SELF, Set.of(), partition));
    }

    private StoreQueries queries() {
        var factoryBean = mock(StreamsBuilderFactoryBean.class);
        when(factoryBean.getKafkaStreams()).thenReturn(kafkaStreams);
        return new StoreQueries(factoryBean, RestClient.create(), SELF, 2);
    }
}
