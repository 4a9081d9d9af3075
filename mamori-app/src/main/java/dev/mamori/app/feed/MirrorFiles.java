package dev.mamori.app.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Files in the mirror appear whole or not at all: data is written to a hidden temporary file beside its target
 * ({@code .part-*}, which the advisory readers skip because its name starts with a dot) and then moved into place
 * atomically.
 */
final class MirrorFiles {
    static final String PART_PREFIX = ".part-";

    private MirrorFiles() {}

    /** A new hidden temporary file in {@code dir} (created if needed). */
    static Path tempFile(Path dir) throws IOException {
        Files.createDirectories(dir);
        return Files.createTempFile(dir, PART_PREFIX, ".tmp");
    }

    /** Moves a finished temporary file onto {@code target}, replacing what was there, in one step. */
    static void place(Path temp, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes {@code data} to {@code target} through a temporary file. */
    static void write(Path target, byte[] data) throws IOException {
        Path temp = tempFile(target.getParent());
        try {
            Files.write(temp, data);
            place(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover hidden .part file is harmless: readers skip it and the next run removes it
        }
    }

    /** Deletes a directory tree, if present. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Removes temporary files a killed run left behind. */
    static void removeLeftovers(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().startsWith(PART_PREFIX)).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** True when the directory exists and holds at least one entry. */
    static boolean hasEntries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return s.iterator().hasNext();
        }
    }

    /**
     * A file-name-safe form of an identifier or a name: letters, digits, {@code . _ -} kept, anything else
     * (spaces, colons, slashes) becomes {@code _}; never empty, never starting with a dot.
     */
    static String safeName(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            b.append(ok ? c : '_');
        }
        String s = b.toString();
        while (s.startsWith(".")) {
            s = "_" + s.substring(1);
        }
        return s.isEmpty() ? "_" : s;
    }
}
