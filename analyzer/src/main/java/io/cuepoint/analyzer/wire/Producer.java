package io.cuepoint.analyzer.wire;

/**
 * What produced an event.
 *
 * @param analyzer the analyzer version
 * @param detector the detector's name
 * @param model    model name and checksum ({@code name@sha256:…}) for model-based detectors, else null
 */
public record Producer(String analyzer, String detector, String model) {
}
