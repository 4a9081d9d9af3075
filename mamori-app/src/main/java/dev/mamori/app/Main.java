package dev.mamori.app;

import dev.mamori.app.cli.MamoriCommand;
import java.io.PrintWriter;

/**
 * Entry point of the distribution jar. Commands that don't need the server never touch Spring, so they start
 * in a fraction of a second; {@code serve} starts the Spring Boot application.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = MamoriCommand.run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (code != MamoriCommand.KEEP_RUNNING) {
            System.exit(code);
        }
    }
}
