package io.cuepoint.api.web;

/**
 * Problem documents ({@link Problem}) as the server writes them, for the OpenAPI examples of refusals. The texts
 * are the server's own; ids and paths are those of the other examples ({@link VideoExamples}).
 */
final class ProblemExamples {
    /** 401 without any credential; a wrong, expired or revoked one names what is wrong instead. */
    static final String UNAUTHORIZED = """
            {"type": "about:blank", "title": "Unauthorized", "status": 401,
             "detail": "a credential is required: send an API key as X-API-Key, or a key or sign-in token as \
            Authorization: Bearer <credential>", "instance": "/api/v1/videos"}""";
    static final String FORBIDDEN = """
            {"type": "about:blank", "title": "Forbidden", "status": 403,
             "detail": "this needs the scope videos:write, which the credential does not have",
             "instance": "/api/v1/videos"}""";
    static final String FORBIDDEN_ADMIN = """
            {"type": "about:blank", "title": "Forbidden", "status": 403,
             "detail": "this needs the scope admin, which the credential does not have",
             "instance": "/api/v1/users"}""";
    static final String FORBIDDEN_OPERATOR = """
            {"type": "about:blank", "title": "Forbidden", "status": 403,
             "detail": "only an operator key (cuepoint.api-keys) manages tenants", "instance": "/api/v1/tenants"}""";
    static final String TOO_MANY = """
            {"type": "about:blank", "title": "Too Many Requests", "status": 429,
             "detail": "rate limit exceeded for key:9d1e4c7b20a3f6e8; retry in 1 s", "instance": "/api/v1/videos"}""";
    static final String NO_VIDEO = """
            {"type": "about:blank", "title": "Not Found", "status": 404,
             "detail": "no video 9f25cf56-3cf4-4ee9-a901-e55b4ff6fc95",
             "instance": "/api/v1/videos/9f25cf56-3cf4-4ee9-a901-e55b4ff6fc95"}""";
    static final String BAD_LIMIT = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "limit: must be greater than or equal to 1", "instance": "/api/v1/videos"}""";
    static final String NO_COURSE = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail":
             "course: required, one of [c-81b2d0e4a9f3c5d7 (Clinical skills 2), c-0a4e6b9d13c27f58 (Anatomy 1)]",
             "instance": "/api/v1/videos"}""";
    static final String TOO_LARGE = """
            {"type": "about:blank", "title": "Request Entity Too Large", "status": 413,
             "detail":
             "the upload is larger than the limit of 4294967296 bytes (cuepoint.max-upload-bytes)",
             "instance": "/api/v1/videos"}""";
    static final String PATHS_DISABLED = """
            {"type": "about:blank", "title": "Forbidden", "status": 403,
             "detail": "submitting server paths is disabled (cuepoint.allow-server-paths)",
             "instance": "/api/v1/videos"}""";
    static final String BAD_WINDOW = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "windowMs must be 2000 to 600000 milliseconds, got 500",
             "instance": "/api/v1/videos/9f25cf56-3cf4-4ee9-a901-e55b4ff6fc95/engagement"}""";
    static final String NO_REGION = """
            {"type": "about:blank", "title": "Not Found", "status": 404,
             "detail": "video 9f25cf56-3cf4-4ee9-a901-e55b4ff6fc95 has no region lectern",
             "instance": "/api/v1/videos/9f25cf56-3cf4-4ee9-a901-e55b4ff6fc95/regions/lectern/motion"}""";
    static final String LOGIN_LIMIT = """
            {"type": "about:blank", "title": "Too Many Requests", "status": 429,
             "detail": "rate limit exceeded for sign-in attempts from 10.0.4.17; retry in 2 s",
             "instance": "/api/v1/auth/login"}""";
    static final String UNKNOWN_COURSE = """
            {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "no course c-81b2d0e4a9f3c5d7",
             "instance": "/api/v1/courses/c-81b2d0e4a9f3c5d7/members/u-3f9a0c1d22e4b7a9"}""";
    static final String NO_USER = """
            {"type": "about:blank", "title": "Not Found", "status": 404,
             "detail": "no user u-3f9a0c1d22e4b7a9", "instance": "/api/v1/users/u-3f9a0c1d22e4b7a9"}""";
    static final String DUPLICATE_USER = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "a user with email ada@northfield.edu exists already", "instance": "/api/v1/users"}""";
    static final String BAD_USER = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "role: one of admin, faculty, integration; got teacher", "instance": "/api/v1/users"}""";
    static final String BAD_SCOPE = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "scopes: unknown scope events:write; use events:read, videos:write or admin",
             "instance": "/api/v1/api-keys"}""";

    static final String BAD_LAST_EVENT_ID = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "Last-Event-ID is not a valid feed cursor; use a nextCursor (or an event id of the stream) \
            this api returned", "instance": "/api/v1/videos/9f25cf56-3cf4-4ee9-a901-e55b4ff6fc95/stream"}""";
    static final String TOO_MANY_STREAMS = """
            {"type": "about:blank", "title": "Service Unavailable", "status": 503,
             "detail":
             "too many open streams (cuepoint.stream.max-streams = 256); retry later or poll GET /api/v1/events",
             "instance": "/api/v1/videos/9f25cf56-3cf4-4ee9-a901-e55b4ff6fc95/stream"}""";

    private ProblemExamples() {
    }
}
