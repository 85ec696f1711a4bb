package io.cuepoint.api.ops;

/** One dependency a process needs to do its work, such as Kafka or PostgreSQL. */
@FunctionalInterface
interface Check {
    /**
     * Returns when the dependency answered.
     *
     * @throws Exception saying why it did not; its message becomes the check's {@code DOWN: …} detail
     */
    void run() throws Exception;
}
