package io.contrail.sql.impl.users;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;

import static java.util.Objects.requireNonNull;

/**
 * A SCRAM-SHA-256 verifier of a password (RFC 5802, RFC 7677), the way PostgreSQL stores one:
 * the salt, the iteration count, {@code StoredKey = SHA-256(HMAC(SaltedPassword, "Client Key"))}
 * and {@code ServerKey = HMAC(SaltedPassword, "Server Key")}, where
 * {@code SaltedPassword = PBKDF2-HMAC-SHA-256(password, salt, iterations)}. The password itself
 * is never kept: a verifier lets the server check a client's proof and prove itself, not log in.
 *
 * <p>Threading: immutable (the arrays are copied in and never handed out).
 */
public final class ScramCredentials implements Serializable {

    /** PostgreSQL's default iteration count. */
    public static final int DEFAULT_ITERATIONS = 4096;

    private static final long serialVersionUID = 1L;
    private static final int SALT_BYTES = 16;

    private final byte[] salt;
    private final int iterations;
    private final byte[] storedKey;
    private final byte[] serverKey;

    public ScramCredentials(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {
        this.salt = requireNonNull(salt, "salt is null").clone();
        this.storedKey = requireNonNull(storedKey, "storedKey is null").clone();
        this.serverKey = requireNonNull(serverKey, "serverKey is null").clone();
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive, got " + iterations);
        }
        this.iterations = iterations;
    }

    /**
     * The verifier of a password, with a fresh random salt.
     *
     * @throws IllegalArgumentException if the password is empty
     */
    public static ScramCredentials of(String password, SecureRandom random) {
        requireNonNull(password, "password is null");
        if (password.isEmpty()) {
            throw new IllegalArgumentException("A password must not be empty");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] saltedPassword = pbkdf2(password, salt, DEFAULT_ITERATIONS);
        return new ScramCredentials(salt, DEFAULT_ITERATIONS, sha256(hmac(saltedPassword, "Client Key")),
                hmac(saltedPassword, "Server Key"));
    }

    /** Random keys that no password matches: used for an unknown user, so that a failure looks the same. */
    public static ScramCredentials impossible(SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] storedKey = new byte[32];
        byte[] serverKey = new byte[32];
        random.nextBytes(salt);
        random.nextBytes(storedKey);
        random.nextBytes(serverKey);
        return new ScramCredentials(salt, DEFAULT_ITERATIONS, storedKey, serverKey);
    }

    public byte[] salt() {
        return salt.clone();
    }

    public int iterations() {
        return iterations;
    }

    /**
     * Whether a client's proof is right: {@code ClientKey = proof XOR HMAC(StoredKey,
     * authMessage)} must hash to {@code StoredKey}. Compared in constant time.
     */
    public boolean verifyClientProof(String authMessage, byte[] proof) {
        byte[] signature = hmac(storedKey, authMessage);
        if (proof.length != signature.length) {
            return false;
        }
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ signature[i]);
        }
        return MessageDigest.isEqual(sha256(clientKey), storedKey);
    }

    /** {@code HMAC(ServerKey, authMessage)}: the server's proof that it knows the verifier. */
    public byte[] serverSignature(String authMessage) {
        return hmac(serverKey, authMessage);
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        // SASLprep, approximately: PostgreSQL normalizes with NFKC (and uses the raw bytes if that fails)
        String normalized = Normalizer.normalize(password, Normalizer.Form.NFKC);
        try {
            SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            return factory.generateSecret(new PBEKeySpec(normalized.toCharArray(), salt, iterations, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM lacks PBKDF2WithHmacSHA256", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM lacks HmacSHA256", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM lacks SHA-256", e);
        }
    }
}
