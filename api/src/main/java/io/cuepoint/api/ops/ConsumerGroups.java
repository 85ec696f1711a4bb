package io.cuepoint.api.ops;

import io.cuepoint.analyzer.consume.AnalyzerWorker;
import io.cuepoint.ingest.wire.Topics;
import io.cuepoint.ingest.worker.IngestWorker;
import java.util.List;
import java.util.Map;

/** The pipeline's consumer groups and the topics each reads: what the consumer lag gauges measure. */
public final class ConsumerGroups {
    /** The ingest workers' group on {@link Topics#JOBS}. */
    public static final Map<String, List<String>> INGEST = Map.of(IngestWorker.GROUP, List.of(Topics.JOBS));
    /** The analyzers' group on {@link Topics#FRAMES}. */
    public static final Map<String, List<String>> ANALYZER = Map.of(AnalyzerWorker.GROUP, List.of(Topics.FRAMES));

    private ConsumerGroups() {
    }

    /** The api's materializer group ({@code cuepoint.materializer.group-id}) on the events and progress topics. */
    public static Map<String, List<String>> api(String group) {
        return Map.of(group, List.of(Topics.EVENTS, Topics.PROGRESS));
    }
}
