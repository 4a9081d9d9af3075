package dev.mamori.advisory;

/**
 * What an EPSS file says about itself in its first line ({@code #model_version:v2025.03.14,score_date:…}).
 *
 * @param modelVersion the model version, or null when the file has no such line
 * @param scoreDate    the score date, or null when the file has no such line
 * @param rows         the scores read
 */
public record EpssHeader(String modelVersion, String scoreDate, int rows) {}
