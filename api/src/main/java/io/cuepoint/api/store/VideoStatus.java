package io.cuepoint.api.store;

/** Where a video stands, in the order a successful one passes through. */
public enum VideoStatus { QUEUED, DECODING, ANALYZING, COMPLETED, FAILED }
