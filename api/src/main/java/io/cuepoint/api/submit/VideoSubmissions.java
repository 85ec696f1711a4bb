package io.cuepoint.api.submit;

import io.cuepoint.api.ApiException;
import io.cuepoint.api.access.CourseChoice;
import io.cuepoint.api.access.Principal;
import io.cuepoint.api.media.MediaDownloader;
import io.cuepoint.api.media.MediaStore;
import io.cuepoint.api.store.Database;
import io.cuepoint.api.store.VideoRepository;
import io.cuepoint.api.timeline.TimelineService;
import io.cuepoint.api.timeline.VideoResource;
import io.cuepoint.api.webhook.WebhookOutbox;
import io.cuepoint.ingest.wire.JobRequest;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Accepts videos (uploads or server paths), queues their jobs, and deletes them. */
@Singleton
public final class VideoSubmissions {
    private static final Logger LOG = LoggerFactory.getLogger(VideoSubmissions.class);

    private final MediaStore media;
    private final Database db;
    private final VideoRepository videos;
    private final JobQueue jobs;
    private final TimelineService timelines;
    private final CourseChoice courses;
    private final MediaDownloader downloads;
    private final WebhookOutbox webhooks;

    public VideoSubmissions(MediaStore media, Database db, VideoRepository videos, JobQueue jobs,
                            TimelineService timelines, CourseChoice courses, MediaDownloader downloads,
                            WebhookOutbox webhooks) {
        this.courses = courses;
        this.media = media;
        this.db = db;
        this.videos = videos;
        this.jobs = jobs;
        this.timelines = timelines;
        this.downloads = downloads;
        this.webhooks = webhooks;
    }

    /**
     * Stores an uploaded file and queues it, in the principal's tenant.
     *
     * @param course the course id; null for the default (see {@link CourseChoice})
     */
    public VideoResource upload(Principal principal, @Nullable String course, String filename, InputStream content) {
        String courseId = course(principal, course);
        String id = newId();
        Path file = media.store(id, filename, content);
        return queue(principal, courseId, id, file.getFileName().toString(), file);
    }

    /** Queues a file that is already on the server, after {@link MediaStore#serverFile checking} the path. */
    public VideoResource submitPath(Principal principal, @Nullable String course, String path) {
        String courseId = course(principal, course);
        Path file = media.serverFile(path);
        return queue(principal, courseId, newId(), file.getFileName().toString(), file);
    }

    /** Chosen before anything is stored, so a refused course leaves nothing behind. */
    private String course(Principal principal, @Nullable String course) {
        return db.read("choosing a course", c -> courses.courseFor(c, principal, course));
    }

    /**
     * Downloads a URL through the egress guard and queues it; the video exists only once the download succeeded.
     *
     * @throws ApiException 400 refused or invalid URL, 413 too large, 502 upstream error, 504 too slow
     */
    public VideoResource submitUrl(Principal principal, @Nullable String course, String url) {
        String courseId = course(principal, course);
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("not a valid URL: " + url);
        }
        String id = newId();
        Path file = downloads.download(id, uri);
        LOG.info("downloaded {} for video {}", uri, id);
        return queue(principal, courseId, id, file.getFileName().toString(), file);
    }

    /** Deletes a video's rows and stored media. */
    public void delete(String id) {
        boolean deleted = db.inTransaction("deleting a video", c -> videos.delete(c, id));
        if (!deleted) {
            throw ApiException.notFound("no video " + id);
        }
        media.delete(id);
        LOG.info("deleted video {}", id);
    }

    private VideoResource queue(Principal principal, String courseId, String id, String filename, Path file) {
        // Microseconds, as PostgreSQL stores them, so cursors built from this instant match the row.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String source = file.toAbsolutePath().toString();
        db.inTransaction("recording a video", c -> {
            videos.insert(c, id, principal.tenantId(), courseId, filename, source, now);
            return null;
        });
        try {
            jobs.submit(JobRequest.of(id, source, now));
        } catch (RuntimeException e) {
            db.inTransaction("recording a failed submission", c -> {
                videos.markFailed(c, id, "could not queue the job: " + e.getMessage(), null);
                webhooks.enqueue(c, id);
                return null;
            });
            throw e;
        }
        LOG.info("queued video {} ({}) for {} in course {}", id, source, principal.actor(), courseId);
        return timelines.video(id);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
