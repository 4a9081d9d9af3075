package dev.mamori.risk;

/** Where an input of a decision came from. */
public enum Source {
    /** CISA's Known Exploited Vulnerabilities catalogue. */
    KEV,
    /** FIRST's Exploit Prediction Scoring System. */
    EPSS,
    /** A CVSS vector of the vulnerability. */
    VECTOR,
    /** CISA's ADP "Vulnrichment" container of the CVE record (its SSVC options). */
    VULNRICHMENT,
    /** The advisory itself: CSAF threats, references tagged as exploits. */
    ADVISORY,
    /** The product's risk profile. */
    PROFILE,
    /** Set by a person for this finding. */
    USER,
    /** Nothing said anything: Mamori's documented default (docs/risk.md). */
    DEFAULT
}
