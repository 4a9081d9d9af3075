package dev.mamori.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/**
 * Logging for commands that use the store without Spring: the pool and migration libraries (HikariCP, Flyway) would
 * otherwise log at DEBUG to standard output, into the command's own output. Warnings and errors go to standard error.
 */
final class CliLogging {
    private static boolean done;

    private CliLogging() {}

    static synchronized void quiet() {
        if (done || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        done = true;
        if (System.getProperty("logback.configurationFile") != null) {
            return;
        }
        context.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("mamori: %level %logger{0}: %msg%n");
        encoder.start();
        ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(stderr);
        root.setLevel(Level.WARN);
        // Flyway warns that SQLite is newer than the versions it has tested: true, known, and not the user's concern
        context.getLogger("org.flywaydb").setLevel(Level.ERROR);
    }
}
