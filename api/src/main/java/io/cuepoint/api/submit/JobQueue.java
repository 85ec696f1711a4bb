package io.cuepoint.api.submit;

import io.cuepoint.ingest.wire.JobRequest;

/** Where the api hands a video to the ingest workers. */
public interface JobQueue {
    /**
     * Queues one job and returns once it is durably accepted.
     *
     * @throws io.cuepoint.api.ApiException (503) when the queue cannot take it
     */
    void submit(JobRequest job);
}
