package io.cuepoint.api.cli;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * Renders job progress on a terminal as a redrawn bar with an ETA, or as occasional plain lines when
 * the output is not a terminal (a log file or CI), so that neither fills up with redraws.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long PLAIN_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();

    private final PrintWriter out;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastPlainNanos = Long.MIN_VALUE;
    private int lastWidth;

    ProgressBar(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Shows the state, e.g. {@code analyzing}, and the fraction done (0 to 1). */
    void update(String state, double fraction) {
        double f = Math.max(0, Math.min(1, fraction));
        long elapsed = System.nanoTime() - startNanos;
        String line = String.format("%-10s [%s] %3d%%  %s", state, bar(f), Math.round(f * 100), eta(f, elapsed));
        if (terminal) {
            // Pad over the previous line's leftovers instead of relying on terminal escapes.
            out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            out.flush();
            lastWidth = line.length();
        } else if (lastPlainNanos == Long.MIN_VALUE || System.nanoTime() - lastPlainNanos >= PLAIN_INTERVAL_NANOS) {
            out.println(line.replaceAll(" +$", ""));
            out.flush();
            lastPlainNanos = System.nanoTime();
        }
    }

    /** Ends the bar's line so that what follows starts on a fresh one. */
    void finish() {
        if (terminal && lastWidth > 0) {
            out.println();
            out.flush();
        }
        lastWidth = 0;
    }

    private static String bar(double fraction) {
        int filled = (int) Math.round(fraction * WIDTH);
        return "#".repeat(filled) + "-".repeat(WIDTH - filled);
    }

    static String eta(double fraction, long elapsedNanos) {
        if (fraction <= 0.02 || fraction >= 1) {
            return fraction >= 1 ? "done" : "ETA --:--";
        }
        long remaining = (long) (elapsedNanos / fraction * (1 - fraction));
        return "ETA " + clock(Duration.ofNanos(remaining));
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%02d:%02d", s / 60, s % 60);
    }
}
