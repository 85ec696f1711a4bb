-- Filters checked inside the index, so the rows a query passes over cost no heap page reads. Measured on the load
-- benchmark's million events (bench/api-load-benchmark.sh), EXPLAIN ANALYZE: a late five-minute window of a long
-- video 15.6 -> 1.2 ms (1 218 rows were fetched only to be discarded by end_ms), a search by course, type and
-- minimum confidence 26.7 -> 1.0 ms.
DROP INDEX events_by_time;
CREATE INDEX events_by_time ON events (video_id, start_ms, id, end_ms);
DROP INDEX events_feed_by_type;
CREATE INDEX events_feed_by_type ON events (tenant_id, type, tx, seq, confidence);
CREATE INDEX events_feed_by_course_type ON events (course_id, type, tx, seq, confidence);
