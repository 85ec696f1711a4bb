package io.cuepoint.api.store;

/**
 * A track as one segment's analyzer named it, and the canonical track it is served under.
 *
 * @param track     the segment-local id, such as {@code person-s3-2}
 * @param segment   the segment it was seen in
 * @param canonical the local id of the earliest track of its chain across segment boundaries
 */
public record LocalTrack(String track, int segment, String canonical) {
}
