package dev.mamori.store.portfolio;

import java.util.List;

/**
 * Why a component is not affected. The five justifications of CISA's VEX minimum requirements, which OpenVEX and
 * CycloneDX (mapped) and CSAF (as flags) share.
 */
public final class Justification {
    public static final List<String> VALUES = List.of("component_not_present", "vulnerable_code_not_present",
            "vulnerable_code_not_in_execute_path", "vulnerable_code_cannot_be_controlled_by_adversary",
            "inline_mitigations_already_exist");

    private Justification() {}

    /** @throws IllegalArgumentException naming the allowed values */
    public static String check(String text) {
        if (!VALUES.contains(text)) {
            throw new IllegalArgumentException("unknown justification '" + text + "': use " + String.join(", ", VALUES));
        }
        return text;
    }
}
