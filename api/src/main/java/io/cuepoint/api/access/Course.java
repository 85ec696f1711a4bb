package io.cuepoint.api.access;

import java.time.Instant;

/** A course of a tenant; every video belongs to one. */
public record Course(String id, String name, Instant createdAt) {
}
