package dev.streamsuite.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.streamsuite.reliability.Workloads;
import dev.streamsuite.testsupport.PlainAvroSerdes;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The topics a service's values file grants (and so its KafkaUser) are the topics its topology
 * really reads and writes, found in the topology itself: a new input or output cannot be
 * forgotten in the ACLs, and none is granted that the service does not use.
 */
class KafkaUserAclsTest {

    @ParameterizedTest
    @ValueSource(strings = {"fraud-detector", "iot-aggregator", "clickstream-recommender"})
    void theValuesGrantExactlyTheTopicsTheTopologyUses(String service) throws Exception {
        var access = new ObjectMapper(new YAMLFactory())
                .readTree(
                        RepositoryFiles.path("helm/values/" + service + ".yaml").toFile())
                .path("access");
        var reads = new TreeSet<String>();
        access.path("reads").forEach(topic -> reads.add(topic.asText()));
        var writes = new TreeSet<String>();
        access.path("writes").forEach(topic -> writes.add(topic.asText()));

        var properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, service);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        var description = Workloads.of(service)
                .topology(new PlainAvroSerdes())
                .build(properties)
                .describe();
        var sources = new TreeSet<String>();
        var sinks = new TreeSet<String>();
        description
                .globalStores()
                .forEach(store -> sources.addAll(store.source().topicSet()));
        for (var subtopology : description.subtopologies()) {
            for (var node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Source source) {
                    sources.addAll(source.topicSet());
                } else if (node instanceof TopologyDescription.Sink sink) {
                    sinks.add(sink.topic());
                }
            }
        }
        var internal = new HashSet<String>();
        for (var topic : union(sources, sinks)) {
            // Repartition topics (named without the application id here) and the service's own topics.
            if (topic.endsWith("-repartition") || topic.startsWith(service)) {
                internal.add(topic);
            }
        }
        sources.removeAll(internal);
        sinks.removeAll(internal);

        assertThat(reads).as("access.reads of helm/values/%s.yaml", service).isEqualTo(sources);
        assertThat(writes).as("access.writes of helm/values/%s.yaml", service).isEqualTo(sinks);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fraud-detector", "iot-aggregator", "clickstream-recommender"})
    void theKafkaUserGrantsItsOwnTopicsGroupAndTransactionsByTheApplicationId(String service) {
        var grant = KafkaUserAcls.of(service);

        assertThat(grant.user()).isEqualTo(service);
        assertThat(grant.acls())
                .allSatisfy(acl -> assertThat(acl.entry().principal()).isEqualTo("User:" + service));
        var prefixed = grant.acls().stream()
                .filter(acl -> acl.pattern().patternType() == PatternType.PREFIXED)
                .filter(acl -> acl.pattern().name().equals(service))
                .map(acl -> acl.pattern().resourceType() + " " + acl.entry().operation())
                .toList();
        assertThat(prefixed)
                .containsExactlyInAnyOrderElementsOf(List.of(
                        "TOPIC CREATE",
                        "TOPIC READ",
                        "TOPIC WRITE",
                        "TOPIC DESCRIBE",
                        "TOPIC DESCRIBE_CONFIGS",
                        "TOPIC DELETE",
                        "TRANSACTIONAL_ID WRITE",
                        "TRANSACTIONAL_ID DESCRIBE"));
        assertThat(grant.acls())
                .filteredOn(acl -> acl.pattern().resourceType() == ResourceType.GROUP)
                .extracting(acl -> acl.pattern().name() + " " + acl.pattern().patternType() + " "
                        + acl.entry().operation())
                .containsExactlyInAnyOrder(
                        service + " LITERAL " + AclOperation.READ, service + " LITERAL " + AclOperation.DESCRIBE);
        assertThat(grant.acls())
                .as("nothing on the cluster, nothing on every topic")
                .noneMatch(acl -> acl.pattern().resourceType() == ResourceType.CLUSTER
                        || acl.pattern().name().equals("*"));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
