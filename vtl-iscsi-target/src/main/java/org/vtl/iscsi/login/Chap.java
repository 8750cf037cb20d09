package org.vtl.iscsi.login;

import org.vtl.iscsi.pdu.TextParameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One CHAP exchange on the target side (RFC 7143 12.1.3, RFC 1994): pick the algorithm from CHAP_A, send
 * CHAP_I and a fresh random CHAP_C, check CHAP_N/CHAP_R, and for mutual CHAP answer the initiator's
 * CHAP_I/CHAP_C. Refuses a reflected challenge (the initiator sending back the target's own challenge).
 */
public final class Chap {

    /** The longest challenge accepted from an initiator, in bytes. */
    public static final int MAX_CHALLENGE = 1024;

    private final SecureRandom random;
    private ChapAlgorithm algorithm;
    private int identifier;
    private byte[] challenge;

    public Chap(SecureRandom random) {
        this.random = random;
    }

    /** Answers CHAP_A (a list of algorithm codes) with the chosen algorithm, CHAP_I and CHAP_C. */
    public void challenge(String offered, TextParameters answer) throws LoginException {
        algorithm = choose(offered);
        if (algorithm == null) {
            answer.add("CHAP_A", "Reject");
            throw new LoginException(LoginStatus.AUTHENTICATION_FAILURE, "no supported CHAP_A in " + offered);
        }
        identifier = random.nextInt(256);
        challenge = new byte[Math.max(16, algorithm.digestLength())];
        random.nextBytes(challenge);
        answer.add("CHAP_A", Integer.toString(algorithm.code()));
        answer.add("CHAP_I", Integer.toString(identifier));
        answer.add("CHAP_C", "0x" + HexFormat.of().formatHex(challenge));
    }

    private static ChapAlgorithm choose(String offered) {
        if (offered == null) {
            return null;
        }
        for (String item : offered.split(",")) {
            try {
                ChapAlgorithm a = ChapAlgorithm.of(Integer.parseInt(item.trim()));
                if (a != null) {
                    return a;
                }
            } catch (NumberFormatException ignored) {
                // RFC 7143 6.2: values a responder does not understand are ignored.
            }
        }
        return null;
    }

    public boolean challenged() {
        return challenge != null;
    }

    /**
     * Checks the initiator's CHAP_N and CHAP_R; with CHAP_I and CHAP_C present answers the mutual challenge.
     *
     * @param mutual the target's credentials, {@code null} if this target does not do mutual CHAP
     */
    public void verify(TextParameters keys, ChapCredentials expected, ChapCredentials mutual, TextParameters answer)
            throws LoginException {
        String name = keys.get("CHAP_N");
        byte[] received = decodeBinary(keys.get("CHAP_R"));
        if (name == null || received == null) {
            throw new LoginException(LoginStatus.AUTHENTICATION_FAILURE, "CHAP_N or CHAP_R missing");
        }
        byte[] wanted = response(algorithm, identifier, expected.secret(), challenge);
        if (!name.equals(expected.user()) || !MessageDigest.isEqual(wanted, received)) {
            throw new LoginException(LoginStatus.AUTHENTICATION_FAILURE, "CHAP response does not match");
        }
        String mutualId = keys.get("CHAP_I");
        String mutualChallenge = keys.get("CHAP_C");
        if (mutualId == null && mutualChallenge == null) {
            return;
        }
        answerMutual(mutualId, decodeBinary(mutualChallenge), mutual, answer);
    }

    private void answerMutual(String id, byte[] theirs, ChapCredentials mutual, TextParameters answer)
            throws LoginException {
        if (mutual == null) {
            throw new LoginException(LoginStatus.AUTHENTICATION_FAILURE, "mutual CHAP not configured");
        }
        if (id == null || theirs == null || theirs.length == 0 || theirs.length > MAX_CHALLENGE) {
            throw new LoginException(LoginStatus.AUTHENTICATION_FAILURE, "malformed mutual CHAP_I/CHAP_C");
        }
        if (MessageDigest.isEqual(theirs, challenge)) {
            throw new LoginException(LoginStatus.AUTHENTICATION_FAILURE, "reflected CHAP challenge");
        }
        int theirId;
        try {
            theirId = Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw new LoginException(LoginStatus.AUTHENTICATION_FAILURE, "CHAP_I not a number");
        }
        if (theirId < 0 || theirId > 255) {
            throw new LoginException(LoginStatus.AUTHENTICATION_FAILURE, "CHAP_I out of range");
        }
        answer.add("CHAP_N", mutual.user());
        answer.add("CHAP_R", "0x" + HexFormat.of().formatHex(response(algorithm, theirId, mutual.secret(), theirs)));
    }

    /** CHAP response = H(identifier || secret || challenge) (RFC 1994 4.1). */
    public static byte[] response(ChapAlgorithm algorithm, int identifier, String secret, byte[] challenge) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm.jcaName());
            md.update((byte) identifier);
            md.update(secret.getBytes(StandardCharsets.UTF_8));
            md.update(challenge);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + algorithm.jcaName(), e);
        }
    }

    /** Decodes a binary value: 0x/0X hexadecimal or 0b/0B base64 (RFC 7143 6.1); {@code null} if malformed. */
    public static byte[] decodeBinary(String value) {
        if (value == null || value.length() < 3) {
            return null;
        }
        String prefix = value.substring(0, 2);
        String body = value.substring(2);
        try {
            if (prefix.equalsIgnoreCase("0x")) {
                return HexFormat.of().parseHex(body.length() % 2 == 0 ? body : "0" + body);
            }
            if (prefix.equalsIgnoreCase("0b")) {
                return Base64.getDecoder().decode(body);
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
