package dev.streamsuite.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs of a service's KafkaUser as the Helm chart renders it with the service's values file,
 * translated to what Kafka's Admin API grants: the secured-broker tests give a service exactly
 * these and nothing else.
 */
public final class KafkaUserAcls {

    private KafkaUserAcls() {}

    /** The KafkaUser's name, which is the principal's user name, and its ACLs for {@code User:<name>}. */
    public record Grant(String user, List<AclBinding> acls) {}

    public static Grant of(String service) {
        var user = RenderedChart.render(
                        service,
                        RenderedChart.serviceValues(service),
                        Map.of(
                                "kafkaUser.enabled", "true",
                                "kafkaUser.cluster", "my-cluster",
                                "kafka.securityProtocol", "SASL_SSL"))
                .custom("KafkaUser");
        String name = user.getMetadata().getName();
        List<Map<String, Object>> rules = user.get("spec", "authorization", "acls");
        var acls = new ArrayList<AclBinding>();
        for (var rule : rules) {
            @SuppressWarnings("unchecked")
            var resource = (Map<String, Object>) rule.get("resource");
            var pattern = new ResourcePattern(
                    resourceType((String) resource.get("type")), (String) resource.get("name"), patternType((String)
                            resource.get("patternType")));
            @SuppressWarnings("unchecked")
            var operations = (List<String>) rule.get("operations");
            for (String operation : operations) {
                acls.add(new AclBinding(
                        pattern,
                        new AccessControlEntry(
                                "User:" + name,
                                "*",
                                AclOperation.fromString(operation.replaceAll("([a-z])([A-Z])", "$1_$2")),
                                AclPermissionType.ALLOW)));
            }
        }
        return new Grant(name, List.copyOf(acls));
    }

    private static PatternType patternType(String strimziPattern) {
        return switch (strimziPattern) {
            case "literal" -> PatternType.LITERAL;
            case "prefix" -> PatternType.PREFIXED;
            default -> throw new IllegalArgumentException("Unknown KafkaUser pattern type " + strimziPattern);
        };
    }

    private static ResourceType resourceType(String strimziType) {
        return switch (strimziType) {
            case "topic" -> ResourceType.TOPIC;
            case "group" -> ResourceType.GROUP;
            case "transactionalId" -> ResourceType.TRANSACTIONAL_ID;
            case "cluster" -> ResourceType.CLUSTER;
            default -> throw new IllegalArgumentException("Unknown KafkaUser resource type " + strimziType);
        };
    }
}
