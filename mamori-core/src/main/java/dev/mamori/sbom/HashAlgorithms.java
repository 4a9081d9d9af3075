package dev.mamori.sbom;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Hash algorithm names. The model uses CycloneDX's spelling ({@code SHA-256}, {@code SHA3-256},
 * {@code BLAKE2b-256}); algorithms CycloneDX lacks get the same style ({@code SHA-224}, {@code MD2},
 * {@code ADLER32}). SPDX 2 writes {@code SHA256}, SPDX 3 {@code sha256} / {@code sha3_256} / {@code blake2b256}.
 */
public final class HashAlgorithms {
    private static final Map<String, String> CANONICAL = new LinkedHashMap<>();
    private static final Set<String> CYCLONEDX = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512", "SHA3-256",
            "SHA3-384", "SHA3-512", "BLAKE2b-256", "BLAKE2b-384", "BLAKE2b-512", "BLAKE3");

    static {
        for (String name : new String[] {"MD2", "MD4", "MD5", "MD6", "SHA-1", "SHA-224", "SHA-256", "SHA-384", "SHA-512",
                "SHA3-224", "SHA3-256", "SHA3-384", "SHA3-512", "BLAKE2b-256", "BLAKE2b-384", "BLAKE2b-512", "BLAKE3",
                "ADLER32", "Streebog-256", "Streebog-512"}) {
            CANONICAL.put(key(name), name);
        }
    }

    private HashAlgorithms() {}

    private static String key(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '-' && c != '_' && c != ' ') {
                b.append(Character.toUpperCase(c));
            }
        }
        return b.toString();
    }

    /** The model's name for an algorithm spelt in any of the formats' ways; unknown names come back as written. */
    public static String normalize(String name) {
        if (name == null) {
            return null;
        }
        return CANONICAL.getOrDefault(key(name), name);
    }

    /** True when CycloneDX (1.6) has this algorithm. */
    public static boolean inCycloneDx(String canonical) {
        return CYCLONEDX.contains(canonical);
    }

    /** SPDX 2.3 spelling ({@code SHA256}, {@code SHA3-256}, {@code BLAKE2b-256}), or null when SPDX 2.3 has none. */
    public static String toSpdx2(String canonical) {
        return switch (canonical) {
            case "MD2", "MD4", "MD5", "MD6", "BLAKE3", "ADLER32" -> canonical;
            case "SHA-1", "SHA-224", "SHA-256", "SHA-384", "SHA-512" -> canonical.replace("-", "");
            case "SHA3-256", "SHA3-384", "SHA3-512", "BLAKE2b-256", "BLAKE2b-384", "BLAKE2b-512" -> canonical;
            default -> null;
        };
    }

    /** SPDX 3 spelling ({@code sha256}, {@code sha3_256}, {@code blake2b256}), or null when SPDX 3 has none. */
    public static String toSpdx3(String canonical) {
        return switch (canonical) {
            case "MD2", "MD4", "MD5", "MD6", "BLAKE3", "ADLER32" -> canonical.toLowerCase(Locale.ROOT);
            case "SHA-1", "SHA-224", "SHA-256", "SHA-384", "SHA-512" -> canonical.replace("-", "").toLowerCase(Locale.ROOT);
            case "SHA3-224", "SHA3-256", "SHA3-384", "SHA3-512" -> canonical.replace("-", "_").toLowerCase(Locale.ROOT);
            case "BLAKE2b-256", "BLAKE2b-384", "BLAKE2b-512" -> canonical.replace("-", "").toLowerCase(Locale.ROOT);
            default -> null;
        };
    }
}
