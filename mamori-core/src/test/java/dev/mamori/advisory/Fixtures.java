package dev.mamori.advisory;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test fixtures under {@code src/test/resources/intel} (see the README there), and the corpora when present. */
final class Fixtures {
    static final Path CORPORA = Path.of("/work/shared/corpora");

    private Fixtures() {}

    static Path intel(String name) {
        URL url = Fixtures.class.getResource("/intel/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Advisory> advisories(String name) {
        List<Advisory> out = new ArrayList<>();
        AdvisorySources.read(intel(name), new AdvisorySink() {
            @Override
            public void advisory(Advisory advisory) {
                out.add(advisory);
            }
        });
        return out;
    }

    static Advisory only(List<Advisory> all, String id) {
        List<Advisory> found = all.stream().filter(a -> a.id().equals(id)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + id + ", found " + found.size());
        }
        return found.getFirst();
    }

    static boolean corporaPresent() {
        return Files.isDirectory(CORPORA.resolve("osv-pypi"));
    }
}
