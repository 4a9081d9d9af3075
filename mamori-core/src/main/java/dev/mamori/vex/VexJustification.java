package dev.mamori.vex;

import java.util.List;

/**
 * Why a component is not affected: the five justifications of CISA's VEX minimum requirements, used as they are by
 * OpenVEX and by CSAF flags, and mapped to CycloneDX's nine.
 */
public final class VexJustification {
    public static final String COMPONENT_NOT_PRESENT = "component_not_present";
    public static final String CODE_NOT_PRESENT = "vulnerable_code_not_present";
    public static final String NOT_IN_EXECUTE_PATH = "vulnerable_code_not_in_execute_path";
    public static final String CANNOT_BE_CONTROLLED = "vulnerable_code_cannot_be_controlled_by_adversary";
    public static final String MITIGATIONS_EXIST = "inline_mitigations_already_exist";
    public static final List<String> VALUES = List.of(COMPONENT_NOT_PRESENT, CODE_NOT_PRESENT, NOT_IN_EXECUTE_PATH,
            CANNOT_BE_CONTROLLED, MITIGATIONS_EXIST);

    private VexJustification() {}

    /** The CycloneDX 1.6 {@code analysis.justification} for a CISA justification. */
    public static String toCycloneDx(String justification) {
        return switch (justification) {
            case COMPONENT_NOT_PRESENT, CODE_NOT_PRESENT -> "code_not_present";
            case NOT_IN_EXECUTE_PATH -> "code_not_reachable";
            case CANNOT_BE_CONTROLLED -> "requires_environment";
            case MITIGATIONS_EXIST -> "protected_by_mitigating_control";
            default -> throw new IllegalArgumentException("unknown justification '" + justification + "'");
        };
    }

    /** The CISA justification closest to a CycloneDX one, or null. */
    public static String ofCycloneDx(String justification) {
        return switch (justification == null ? "" : justification) {
            case "code_not_present" -> CODE_NOT_PRESENT;
            case "code_not_reachable" -> NOT_IN_EXECUTE_PATH;
            case "requires_configuration", "requires_dependency", "requires_environment" -> CANNOT_BE_CONTROLLED;
            case "protected_by_compiler", "protected_at_runtime", "protected_at_perimeter", "protected_by_mitigating_control" ->
                    MITIGATIONS_EXIST;
            default -> null;
        };
    }
}
