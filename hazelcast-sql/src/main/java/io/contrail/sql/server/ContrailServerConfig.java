package io.contrail.sql.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.contrail.jet.ContrailConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The configuration of a standalone member ({@link ContrailServer}): every key of
 * {@link ContrailConfig} at the top level, plus a {@code sql} section for the SQL endpoint:
 * <pre>
 * clusterName: contrail          # members with the same name (and reachable members) form one cluster
 * bindAddress: 127.0.0.1
 * port: 5701                     # member port; the next free one if taken (portAutoIncrement)
 * members: [127.0.0.1]           # where to look for other members
 * cooperativeThreadCount: 2
 * snapshotDirectory: /var/lib/contrail/snapshots
 * sql:
 *   port: 5433                   # PostgreSQL wire protocol; the next free one if taken (portAutoIncrement)
 *   portAutoIncrement: true
 *   bindAddress: 127.0.0.1       # default: the member's bindAddress
 *   maxConnections: 100
 *   authentication: scram        # scram: users with passwords (SCRAM-SHA-256); trust: any user name is let in
 *   adminPassword: secret        # the password of user admin, when the cluster has none yet
 *   tlsCertificate: /etc/contrail/server.crt   # PEM: the certificate, then any intermediates
 *   tlsPrivateKey: /etc/contrail/server.key    # PEM, PKCS#8, not encrypted
 *   tlsRequired: false           # true: clients without TLS are refused
 * </pre>
 * {@code CONTRAIL_ADMIN_PASSWORD} in the environment takes the place of {@code sql.adminPassword}
 * ({@link ContrailServer} reads it), so that the password need not be in a file.
 * Every key is optional; an unknown key is an error that lists the valid ones.
 *
 * <p>Threading: not thread-safe; build it, then hand it to {@link ContrailServer#start}.
 */
public final class ContrailServerConfig {

    /** The default SQL port, next to PostgreSQL's 5432. */
    public static final int DEFAULT_SQL_PORT = 5433;

    private final ContrailConfig member;
    private final Sql sql;

    /** The keys of the {@code sql} section; Jackson fills it. */
    public static final class Sql {
        private int port = DEFAULT_SQL_PORT;
        private boolean portAutoIncrement = true;
        private String bindAddress;
        private int maxConnections = 100;
        private String authentication = AUTHENTICATION_SCRAM;
        private String adminPassword;
        private String tlsCertificate;
        private String tlsPrivateKey;
        private boolean tlsRequired;

        public int getPort() {
            return port;
        }

        public Sql setPort(int port) {
            this.port = port;
            return this;
        }

        public boolean isPortAutoIncrement() {
            return portAutoIncrement;
        }

        /** Whether the next ports (up to 100 further) are tried when the port is taken; on by default. */
        public Sql setPortAutoIncrement(boolean portAutoIncrement) {
            this.portAutoIncrement = portAutoIncrement;
            return this;
        }

        /** The interface the SQL endpoint listens on, or {@code null} for the member's. */
        public String getBindAddress() {
            return bindAddress;
        }

        public Sql setBindAddress(String bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        public int getMaxConnections() {
            return maxConnections;
        }

        public Sql setMaxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /** {@value #AUTHENTICATION_SCRAM} (the default) or {@value #AUTHENTICATION_TRUST}. */
        public String getAuthentication() {
            return authentication;
        }

        public Sql setAuthentication(String authentication) {
            this.authentication = authentication;
            return this;
        }

        /** The password given to user {@code admin} when the cluster has no admin yet; {@code null} if not set. */
        public String getAdminPassword() {
            return adminPassword;
        }

        public Sql setAdminPassword(String adminPassword) {
            this.adminPassword = adminPassword;
            return this;
        }

        /** The PEM file of the endpoint's TLS certificate chain, or {@code null} for no TLS. */
        public String getTlsCertificate() {
            return tlsCertificate;
        }

        public Sql setTlsCertificate(String tlsCertificate) {
            this.tlsCertificate = tlsCertificate;
            return this;
        }

        /** The PEM file (PKCS#8, not encrypted) of the certificate's private key, or {@code null}. */
        public String getTlsPrivateKey() {
            return tlsPrivateKey;
        }

        public Sql setTlsPrivateKey(String tlsPrivateKey) {
            this.tlsPrivateKey = tlsPrivateKey;
            return this;
        }

        /** Whether clients that do not use TLS are refused; needs the certificate and key. */
        public boolean isTlsRequired() {
            return tlsRequired;
        }

        public Sql setTlsRequired(boolean tlsRequired) {
            this.tlsRequired = tlsRequired;
            return this;
        }
    }

    /** Users log in with passwords, checked by SCRAM-SHA-256. */
    public static final String AUTHENTICATION_SCRAM = "scram";
    /** Anyone is let in as the user they name: only for a member no untrusted client can reach. */
    public static final String AUTHENTICATION_TRUST = "trust";

    public ContrailServerConfig() {
        this(new ContrailConfig(), new Sql());
    }

    public ContrailServerConfig(ContrailConfig member, Sql sql) {
        this.member = requireNonNull(member, "member is null");
        this.sql = requireNonNull(sql, "sql is null");
    }

    /** The member's configuration. */
    public ContrailConfig member() {
        return member;
    }

    /** The SQL endpoint's configuration. */
    public Sql sql() {
        return sql;
    }

    /**
     * Checks value ranges.
     *
     * @throws IllegalArgumentException naming the setting
     */
    public ContrailServerConfig validate() {
        member.validate();
        if (sql.port < 0 || sql.port > 65535) {
            throw new IllegalArgumentException("sql.port must be 0..65535, got " + sql.port);
        }
        if (sql.maxConnections <= 0) {
            throw new IllegalArgumentException("sql.maxConnections must be positive, got " + sql.maxConnections);
        }
        if (!AUTHENTICATION_SCRAM.equals(sql.authentication) && !AUTHENTICATION_TRUST.equals(sql.authentication)) {
            throw new IllegalArgumentException("sql.authentication must be " + AUTHENTICATION_SCRAM + " or "
                    + AUTHENTICATION_TRUST + ", got " + sql.authentication);
        }
        if ((sql.tlsCertificate == null) != (sql.tlsPrivateKey == null)) {
            throw new IllegalArgumentException("sql.tlsCertificate and sql.tlsPrivateKey go together: set both for TLS,"
                    + " or neither");
        }
        if (sql.tlsRequired && sql.tlsCertificate == null) {
            throw new IllegalArgumentException("sql.tlsRequired needs sql.tlsCertificate and sql.tlsPrivateKey");
        }
        return this;
    }

    /** Loads a YAML file; unknown keys and wrong types are errors naming the key and the file. */
    public static ContrailServerConfig load(Path file) {
        requireNonNull(file, "file is null");
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Contrail configuration " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses YAML text; see {@link #load(Path)}. */
    public static ContrailServerConfig fromYaml(String yaml) {
        return parse(requireNonNull(yaml, "yaml is null"), "YAML text");
    }

    private static ContrailServerConfig parse(String yaml, String source) {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        JsonNode tree;
        try {
            tree = mapper.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid YAML in " + source + ": " + e.getOriginalMessage(), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return new ContrailServerConfig();
        }
        if (!(tree instanceof ObjectNode root)) {
            throw new IllegalArgumentException("The configuration in " + source + " must be a map of keys to values");
        }
        Sql sql = new Sql();
        JsonNode sqlNode = root.remove("sql");
        if (sqlNode != null && !sqlNode.isNull()) {
            try {
                sql = mapper.treeToValue(sqlNode, Sql.class);
            } catch (UnrecognizedPropertyException e) {
                String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
                throw new IllegalArgumentException("Unknown key 'sql." + e.getPropertyName() + "' in " + source
                        + "; valid keys of sql are: " + known, e);
            } catch (JsonMappingException e) {
                String path = e.getPath().stream().map(JsonMappingException.Reference::getFieldName).collect(Collectors.joining("."));
                throw new IllegalArgumentException("Invalid value for 'sql." + path + "' in " + source + ": " + e.getOriginalMessage(), e);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Invalid sql section in " + source + ": " + e.getOriginalMessage(), e);
            }
        }
        ContrailConfig member;
        try {
            member = ContrailConfig.fromYaml(mapper.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            // ContrailConfig names the key; the line it gives is of the text without the sql section
            String message = e.getMessage().replace("YAML text", source).replaceAll(" at line \\d+", "");
            throw new IllegalArgumentException(message.startsWith("Unknown key") ? message + ", sql" : message, e);
        }
        return new ContrailServerConfig(member, sql).validate();
    }
}
