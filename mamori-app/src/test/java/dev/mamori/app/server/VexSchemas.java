package dev.mamori.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.mamori.vex.VexFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;

/** The official JSON schemas of the three VEX formats (the copies in mamori-core's test resources, with their licences). */
final class VexSchemas {
    static final Path DIR = locate();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Schema openVex;
    private static Schema csaf;

    private VexSchemas() {}

    private static Path locate() {
        Path here = Path.of("src/test/resources/vex");
        return Files.isDirectory(here) ? here : Path.of("../mamori-core/src/test/resources/vex");
    }

    /** Schema violations of a document in the format, empty when valid. */
    static List<String> violations(byte[] document, VexFormat format) {
        try {
            return switch (format) {
                case CYCLONEDX -> new JsonParser().validate(document, Version.VERSION_16).stream().map(Object::toString).toList();
                case OPENVEX -> messages(openVex().validate(JSON.readTree(document)));
                case CSAF -> messages(csaf().validate(JSON.readTree(document)));
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Object::toString).toList();
    }

    private static synchronized Schema openVex() throws IOException {
        if (openVex == null) {
            try (InputStream in = Files.newInputStream(DIR.resolve("schemas/openvex_json_schema.json"))) {
                openVex = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
            }
        }
        return openVex;
    }

    private static synchronized Schema csaf() throws IOException {
        if (csaf == null) {
            String first = DIR.resolve("schemas/first").toAbsolutePath().toUri().toString();
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    b -> b.schemaIdResolvers(r -> r.mapPrefix("https://www.first.org/cvss/", first.endsWith("/") ? first : first + "/")));
            JsonNode schema;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(DIR.resolve("schemas/csaf_json_schema.json.gz")))) {
                schema = JSON.readTree(in);
            }
            csaf = registry.getSchema(SchemaLocation.of(schema.path("$id").asText()), schema);
        }
        return csaf;
    }
}
