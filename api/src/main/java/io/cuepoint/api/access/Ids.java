package io.cuepoint.api.access;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random identifiers and secrets, hex so they never contain the separators of an API key. */
final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** {@code prefix} and 16 random hex digits, such as {@code u-3f9a0c1d22e4b7a9}. */
    static String newId(String prefix) {
        return prefix + hex(8);
    }

    static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
