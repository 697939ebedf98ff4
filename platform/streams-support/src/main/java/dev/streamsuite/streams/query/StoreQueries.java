package dev.streamsuite.streams.query;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Answers an interactive query for a key on whichever instance is asked: locally when this
 * instance owns the key's partition, otherwise by forwarding the same request to the owner
 * (found through {@code application.server}). While the group rebalances or a store is
 * restoring it answers 503 with {@code Retry-After}, never a wrong or empty answer. Errors are
 * RFC 9457 problem details ({@code application/problem+json}).
 */
public final class StoreQueries {

    /** Marks a forwarded request, so that two instances that disagree never bounce it forever. */
    public static final String FORWARDED_HEADER = "X-Streamsuite-Forwarded";

    private static final Logger log = LoggerFactory.getLogger(StoreQueries.class);

    private final StreamsBuilderFactoryBean streams;
    private final RestClient client;
    private final HostInfo self;
    private final String retryAfterSeconds;

    public StoreQueries(StreamsBuilderFactoryBean streams, RestClient client, HostInfo self, int retryAfterSeconds) {
        this.streams = streams;
        this.client = client;
        this.self = self;
        this.retryAfterSeconds = Integer.toString(retryAfterSeconds);
    }

    /**
     * Answers a query about one key: locally when this instance owns the key's partition,
     * otherwise by replaying the same request on the owner. The answer is computed from the
     * key's partition only, so a partition still restoring answers 503 rather than "unknown".
     *
     * @param store the store holding the key
     * @param key the key whose owner answers
     * @param request this request, replayed on the owner; a request already forwarded by
     *     another instance is never forwarded again
     * @param local computes the answer (a body, or a whole {@link ResponseEntity}) from this
     *     instance's stores, given the key's partition (see
     *     {@link org.apache.kafka.streams.StoreQueryParameters#withPartition})
     */
    public ResponseEntity<?> answer(String store, String key, HttpServletRequest request, IntFunction<?> local) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
            return unavailable("the service is starting or rebalancing");
        }
        KeyQueryMetadata owner =
                kafkaStreams.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            return unavailable("no instance owns the key yet");
        }
        if (owner.activeHost().equals(self)) {
            try {
                return ok(local.apply(owner.partition()));
            } catch (InvalidStateStoreException e) {
                return unavailable("the key's partition is restoring or migrating: " + e.getMessage());
            }
        }
        if (request.getHeader(FORWARDED_HEADER) != null) {
            return unavailable("instances disagree on the key's owner during a rebalance");
        }
        return forward(owner.activeHost(), pathAndQuery(request));
    }

    /** Answers from this instance's own stores, for queries that are not about one key. */
    public ResponseEntity<?> answerLocally(Supplier<?> local) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
            return unavailable("the service is starting or rebalancing");
        }
        try {
            return ok(local.get());
        } catch (InvalidStateStoreException e) {
            return unavailable("the store is migrating: " + e.getMessage());
        }
    }

    /** A 400 as RFC 9457 problem details. */
    public static ResponseEntity<ProblemDetail> badRequest(String detail) {
        return problem(HttpStatus.BAD_REQUEST, detail);
    }

    /** A 404 as RFC 9457 problem details. */
    public static ResponseEntity<ProblemDetail> notFound(String detail) {
        return problem(HttpStatus.NOT_FOUND, detail);
    }

    private static ResponseEntity<?> ok(Object answer) {
        return answer instanceof ResponseEntity<?> response ? response : ResponseEntity.ok(answer);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return problem(ResponseEntity.status(status), status, detail);
    }

    private static ResponseEntity<ProblemDetail> problem(
            ResponseEntity.BodyBuilder response, HttpStatus status, String detail) {
        return response.contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    private static String pathAndQuery(HttpServletRequest request) {
        return request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }

    private ResponseEntity<?> forward(HostInfo owner, String pathAndQuery) {
        String url = "http://" + owner.host() + ":" + owner.port() + pathAndQuery;
        try {
            return client.get()
                    // Already encoded by the original request: not a template to encode again.
                    .uri(java.net.URI.create(url))
                    .header(FORWARDED_HEADER, "true")
                    .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                            .headers(relayed(response.getHeaders()))
                            .body(response.bodyTo(String.class)));
        } catch (RestClientException e) {
            log.warn("Forwarding {} to its owner failed: {}", url, e.getMessage());
            return unavailable("the owning instance " + owner.host() + ":" + owner.port() + " did not answer");
        }
    }

    private static HttpHeaders relayed(HttpHeaders headers) {
        var relayed = new HttpHeaders();
        if (headers.getContentType() != null) {
            relayed.setContentType(headers.getContentType());
        }
        var retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (retryAfter != null) {
            relayed.set(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return relayed;
    }

    private ResponseEntity<ProblemDetail> unavailable(String why) {
        var status = HttpStatus.SERVICE_UNAVAILABLE;
        return problem(
                ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, retryAfterSeconds),
                status,
                why + "; retry after " + retryAfterSeconds + " s");
    }
}
