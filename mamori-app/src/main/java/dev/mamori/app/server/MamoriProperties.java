package dev.mamori.app.server;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The server's own settings ({@code mamori.*} in {@code application.properties}, the environment as
 * {@code MAMORI_LIMITS_MAX_UPLOAD_SIZE} etc., or {@code --mamori.…=} arguments).
 *
 * @param limits     request size limits
 * @param analysis   the analysis workers
 * @param advisories where advisories come from
 * @param threats    when a KEV or EPSS import re-analyses a release
 */
@ConfigurationProperties("mamori")
public record MamoriProperties(@DefaultValue Limits limits, @DefaultValue Analysis analysis, @DefaultValue Advisories advisories,
                               @DefaultValue Threats threats) {

    /**
     * @param maxUploadSize the largest SBOM or VEX document accepted (raw body or multipart)
     * @param maxBodySize   the largest body of any other request
     */
    public record Limits(@DefaultValue("256MB") DataSize maxUploadSize, @DefaultValue("1MB") DataSize maxBodySize) {}

    /**
     * @param workers      analysis threads on PostgreSQL (SQLite has one writer, so one worker)
     * @param pollInterval how often an idle worker looks at the queue (it is also woken on every enqueue)
     * @param staleAfter   a running job locked longer than this is taken to belong to a dead worker
     * @param maxAttempts  how often a failing analysis is tried
     */
    public record Analysis(@DefaultValue("2") int workers, @DefaultValue("1s") Duration pollInterval,
                           @DefaultValue("30m") Duration staleAfter, @DefaultValue("3") int maxAttempts) {}

    /**
     * @param dir          the directory of advisory files (OSV, NVD, CVE 5, CSAF, JVN…); default DATA_DIR/advisories
     * @param pollInterval how often the directory is checked for changes (0 to never)
     */
    public record Advisories(Path dir, @DefaultValue("5s") Duration pollInterval) {}

    /**
     * A release is analysed again after a KEV or EPSS import when a CVE of its findings entered or left KEV (or its
     * listing changed), got or lost an EPSS score, or its EPSS probability or percentile moved by at least these.
     *
     * @param epssChange       the smallest move of an EPSS probability (0–1) that re-analyses
     * @param percentileChange the smallest move of an EPSS percentile (0–1) that re-analyses
     */
    public record Threats(@DefaultValue("0.01") double epssChange, @DefaultValue("0.05") double percentileChange) {}
}
