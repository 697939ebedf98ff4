package dev.streamsuite.streams.errors;

import io.apicurio.registry.rest.client.exception.RestClientException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a registry that cannot answer from a record that is bad. A record whose schema cannot be
 * fetched because the registry is down, unreachable, failing (5xx) or refusing the service's
 * credentials (401, 403) is not bad data: the
 * handlers fail the stream thread so that it is retried once the registry is back, instead of
 * dead-lettering a valid record. A registry that answers "no such schema" (404) means the record
 * is bad, and it is dead-lettered.
 */
public final class RegistryOutage {

    private static final Logger log = LoggerFactory.getLogger(RegistryOutage.class);

    private static final List<Class<? extends Exception>> UNREACHABLE = List.of(
            ConnectException.class,
            UnknownHostException.class,
            SocketTimeoutException.class,
            HttpTimeoutException.class);

    /**
     * What Apicurio's client reports when no HTTP answer came: it replaces the I/O exception by a
     * {@link RestClientException} without cause and without status, naming the lost exception's
     * class instead.
     */
    private static final List<String> UNANSWERED = List.of(
            "ConnectException",
            "HttpConnectTimeoutException",
            "HttpTimeoutException",
            "UnknownHostException",
            "SocketTimeoutException",
            "ClosedChannelException",
            "EOFException",
            "IOException",
            "InterruptedException");

    private RegistryOutage() {}

    /**
     * Whether {@code exception} comes from a registry that could not answer; if so, logs that the
     * handler fails the thread so that the record at {@code context} is retried.
     *
     * @param doing what the registry was needed for, e.g. "read" or "write output of"
     */
    static boolean failsOn(Exception exception, ErrorHandlerContext context, String doing) {
        if (!causes(exception)) {
            return false;
        }
        log.error(
                "Cannot reach the schema registry to {} {}-{}@{}; failing so the record is retried",
                doing,
                context.topic(),
                context.partition(),
                context.offset(),
                exception);
        return true;
    }

    /** Whether {@code exception} comes from a registry that could not answer. */
    public static boolean causes(Throwable exception) {
        for (Throwable cause = exception; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (unreachable(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean unreachable(Throwable cause) {
        if (UNREACHABLE.stream().anyMatch(type -> type.isInstance(cause))) {
            return true;
        }
        return cause instanceof RestClientException rest && rest.getError() != null && unanswered(rest);
    }

    private static boolean unanswered(RestClientException exception) {
        Integer status = exception.getError().getErrorCode();
        if (status != null && status > 0) {
            // Failing, overloaded, timed out, or refusing our credentials: none says the record is bad.
            return status >= 500 || status == 429 || status == 408 || status == 401 || status == 403;
        }
        return UNANSWERED.contains(exception.getError().getName());
    }
}
