package io.cuepoint.analyzer.detect;

import io.cuepoint.ingest.IngestConfig;
import io.cuepoint.ingest.decode.AudioWindow;
import io.cuepoint.ingest.decode.DecodeListener;
import io.cuepoint.ingest.decode.DecodedFrame;
import io.cuepoint.ingest.decode.VideoDecoder;
import io.cuepoint.ingest.segment.Segmenter;
import io.cuepoint.ingest.wire.AudioRecord;
import io.cuepoint.ingest.wire.FrameRecord;
import io.cuepoint.ingest.wire.MediaInfo;
import io.cuepoint.ingest.wire.SegmentEnd;
import io.cuepoint.ingest.wire.SegmentRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A real file decoded by ingest's decoder and cut by its segmenter into the segments an analyzer gets. */
public final class DecodedSegments {
    private DecodedSegments() {
    }

    public static List<Segment> of(Path file) {
        return of(file, IngestConfig.defaults());
    }

    /** With ingest's defaults but segments of the given length (short ones give a short clip lead-ins). */
    public static List<Segment> of(Path file, double segmentSeconds) {
        return of(file, IngestConfig.fromEnvironment(Map.of(IngestConfig.SEGMENT_SECONDS, Double.toString(segmentSeconds))));
    }

    private static List<Segment> of(Path file, IngestConfig config) {
        var records = new TreeMap<Integer, List<SegmentRecord>>();
        for (var r : records(file, config, "real")) {
            records.computeIfAbsent(r.segment(), k -> new ArrayList<>()).add(r);
        }
        var segments = new ArrayList<Segment>();
        for (var segmentRecords : records.values()) {
            FrameRecord leadIn = null;
            var frames = new ArrayList<FrameRecord>();
            AudioRecord audio = null;
            SegmentEnd end = null;
            for (var r : segmentRecords) {
                if (r instanceof FrameRecord f && f.leadIn()) {
                    leadIn = f;
                } else if (r instanceof FrameRecord f) {
                    frames.add(f);
                } else if (r instanceof AudioRecord a) {
                    audio = a;
                } else if (r instanceof SegmentEnd e) {
                    end = e;
                }
            }
            segments.add(new Segment(leadIn, frames, audio, end));
        }
        return segments;
    }

    /** The frames topic's records of a real file in publishing order, as ingest would publish them. */
    public static List<SegmentRecord> records(Path file, IngestConfig config, String videoId) {
        var records = new ArrayList<SegmentRecord>();
        var segmenter = new Segmenter[1];
        var result = new VideoDecoder(config).decode(file, new DecodeListener() {
            @Override
            public void onStart(MediaInfo media) {
                segmenter[0] = new Segmenter(videoId, config.segmentMs(), media.audioSampleRate(),
                        config.audioWindowMs(), records::add);
            }

            @Override
            public void onFrame(DecodedFrame frame) {
                segmenter[0].onFrame(frame);
            }

            @Override
            public void onAudio(AudioWindow window) {
                segmenter[0].onAudio(window);
            }
        });
        segmenter[0].finish(result.endMs());
        return records;
    }
}
