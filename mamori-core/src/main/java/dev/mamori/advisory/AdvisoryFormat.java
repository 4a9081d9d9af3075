package dev.mamori.advisory;

/** The vulnerability-intelligence formats Mamori reads, as {@link AdvisorySources#detect} recognises them. */
public enum AdvisoryFormat {
    /** OSV JSON: one record, an array of records, or JSON lines. */
    OSV,
    /** OSV's per-ecosystem zip archive ({@code <Ecosystem>/all.zip}). */
    OSV_ARCHIVE,
    /** One OSV record written as YAML, as {@code pypa/advisory-database} keeps them ({@code vulns/**.yaml}). */
    OSV_YAML,
    /** An NVD CVE API 2.0 response page (or a 2.0 data feed). */
    NVD,
    /** CVE JSON 5.x: one record or JSON lines. */
    CVE5,
    /** JVN VULDEF 3.x detail XML (MyJVN API "HND", JVN iPedia detail feed). */
    JVN_VULDEF,
    /** JVNRSS overview (RSS 1.0 / RDF with the sec: module). */
    JVN_RSS,
    /** MyJVN API 4.0 ("OKA") JSON: jvncsaf, jvnstix, feed. */
    JVN_JSON,
    /** CSAF 2.0 / 2.1 document. */
    CSAF,
    /** CISA KEV catalogue JSON. */
    KEV,
    /** FIRST EPSS daily CSV. */
    EPSS,
    /** MITRE CWE catalogue XML (plain or zipped). */
    CWE,
    /** Not recognised. */
    UNKNOWN
}
