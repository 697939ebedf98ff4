package dev.streamsuite.security;

import dev.streamsuite.testsupport.BrokerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * A broker as production runs it: clients only over SASL_SSL with SCRAM-SHA-512, the
 * controller only over mutual TLS, and the standard authorizer, which refuses what no ACL
 * allows. Its certificate is made here with the JDK's keytool (self-signed, for 127.0.0.1);
 * passwords are random per run.
 *
 * @param certificate the certificate clients trust (PEM), as the cluster CA a Helm release mounts
 */
record SecuredBroker(BrokerProcess broker, Path certificate, String adminPassword) implements AutoCloseable {

    static final String ADMIN = "admin";
    private static final String MECHANISM = "SCRAM-SHA-512";

    static SecuredBroker start(Path directory) throws Exception {
        Files.createDirectories(directory);
        String storePassword = secret();
        String adminPassword = secret();
        Path keystore = directory.resolve("broker.p12").toAbsolutePath();
        Path certificate = directory.resolve("broker.pem").toAbsolutePath();
        keytool(
                directory,
                "-genkeypair",
                "-alias",
                "broker",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=broker",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                storePassword,
                "-keypass",
                storePassword);
        keytool(
                directory,
                "-exportcert",
                "-rfc",
                "-alias",
                "broker",
                "-keystore",
                keystore.toString(),
                "-storepass",
                storePassword,
                "-file",
                certificate.toString());
        String adminLogin = login(ADMIN, adminPassword);
        var broker = BrokerProcess.start(
                directory,
                ports -> {
                    var settings = new HashMap<String, String>();
                    settings.put(
                            "listeners",
                            "SASL_SSL://127.0.0.1:" + ports.client() + ",INTERNAL://127.0.0.1:" + ports.internal()
                                    + ",CONTROLLER://127.0.0.1:" + ports.controller());
                    settings.put(
                            "advertised.listeners",
                            "SASL_SSL://127.0.0.1:" + ports.client() + ",INTERNAL://127.0.0.1:" + ports.internal());
                    settings.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,INTERNAL:SSL,CONTROLLER:SSL");
                    settings.put("sasl.enabled.mechanisms", MECHANISM);
                    settings.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", adminLogin);
                    // Between brokers and to the controller only mutual TLS: each proves itself with its certificate.
                    settings.put("inter.broker.listener.name", "INTERNAL");
                    settings.put("listener.name.internal.ssl.client.auth", "required");
                    settings.put("listener.name.controller.ssl.client.auth", "required");
                    settings.put("ssl.keystore.type", "PKCS12");
                    settings.put("ssl.keystore.location", keystore.toString());
                    settings.put("ssl.keystore.password", storePassword);
                    settings.put("ssl.key.password", storePassword);
                    settings.put("ssl.truststore.type", "PEM");
                    settings.put("ssl.truststore.location", certificate.toString());
                    settings.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
                    settings.put("super.users", "User:" + ADMIN + ";User:CN=broker");
                    settings.put("allow.everyone.if.no.acl.found", "false");
                    return settings;
                },
                List.of("--add-scram", MECHANISM + "=[name=" + ADMIN + ",password=" + adminPassword + "]"),
                clientSettings(certificate, ADMIN, adminPassword));
        return new SecuredBroker(broker, certificate, adminPassword);
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The super user's client, which sets up users and ACLs. */
    org.apache.kafka.clients.admin.Admin admin() {
        return broker.admin();
    }

    /** Creates (or resets) a SCRAM user; returns its password. */
    String createUser(String name) throws Exception {
        String password = secret();
        try (var admin = admin()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
                            name, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        return password;
    }

    /** What a client of {@code user} sets besides the bootstrap servers. */
    Map<String, Object> clientSettings(String user, String password) {
        return clientSettings(certificate, user, password);
    }

    /**
     * The same as environment variables of a service process, as the Helm chart sets them
     * (SPRING_KAFKA_PROPERTIES_*).
     */
    Map<String, String> serviceEnvironment(String user, String password) {
        var environment = new HashMap<String, String>();
        clientSettings(user, password)
                .forEach((key, value) -> environment.put(
                        "SPRING_KAFKA_PROPERTIES_" + key.toUpperCase().replace('.', '_'), value.toString()));
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        return environment;
    }

    @Override
    public void close() {
        broker.close();
    }

    private static Map<String, Object> clientSettings(Path certificate, String user, String password) {
        return Map.of(
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                "SASL_SSL",
                SaslConfigs.SASL_MECHANISM,
                MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG,
                login(user, password),
                SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG,
                "PEM",
                SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG,
                certificate.toString());
    }

    private static String login(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    private static String secret() {
        var bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void keytool(Path directory, String... arguments) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Path log = directory.resolve("keytool.log");
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("keytool " + arguments[0] + " failed; see " + log);
        }
    }
}
