package dev.mamori.sbom;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/** The one entry point for writing an SBOM in a target format. */
public final class SbomWriter {

    /** The formats Mamori writes. */
    public enum Target {
        CYCLONEDX_JSON("cyclonedx-json"),
        CYCLONEDX_XML("cyclonedx-xml"),
        SPDX_JSON("spdx-json"),
        SPDX3_JSON("spdx3-json");

        private final String cliName;

        Target(String cliName) {
            this.cliName = cliName;
        }

        /** The name used on the command line ({@code cyclonedx-json}…). */
        public String cliName() {
            return cliName;
        }

        /** The target for a command-line name. */
        public static Target of(String name) {
            for (Target t : values()) {
                if (t.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown target format '" + name + "' (cyclonedx-json, cyclonedx-xml, spdx-json, spdx3-json)");
        }
    }

    private SbomWriter() {}

    /**
     * Writes the SBOM in the target format; the stream is flushed, not closed.
     *
     * @return what the target could not hold, one line per kind (empty when nothing was lost)
     */
    public static List<String> write(Bom bom, Target target, OutputStream out) {
        return switch (target) {
            case CYCLONEDX_JSON -> CycloneDxJsonWriter.write(bom, out);
            case CYCLONEDX_XML -> CycloneDxXmlWriter.write(bom, out);
            case SPDX_JSON -> SpdxJsonWriter.write(bom, out);
            case SPDX3_JSON -> Spdx3JsonLdWriter.write(bom, out);
        };
    }
}
