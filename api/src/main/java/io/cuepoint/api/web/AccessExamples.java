package io.cuepoint.api.web;

/**
 * Example request bodies of the access-control endpoints (sign-in, tenants, courses, users, API keys) for the
 * OpenAPI document; the answers' examples sit with their operations.
 */
final class AccessExamples {
    static final String LOGIN = """
            {"email": "ada@northfield.edu", "password": "correct horse battery"}""";
    static final String NEW_TENANT = """
            {"name": "Northfield Medical School",
             "admin": {"email": "it@northfield.edu", "password": "a long first password"}}""";
    static final String NEW_COURSE = """
            {"name": "Clinical skills 2"}""";
    static final String NEW_USER = """
            {"email": "lms@northfield.edu", "name": "LMS sync", "role": "integration",
             "courses": ["c-81b2d0e4a9f3c5d7"]}""";
    static final String USER_CHANGE = """
            {"role": "faculty", "disabled": false}""";
    static final String NEW_KEY = """
            {"name": "LMS sync", "userId": "u-3f9a0c1d22e4b7a9", "scopes": ["events:read", "videos:write"],
             "expiresAt": "2027-01-01T00:00:00Z"}""";
    static final String COURSE_ID = "the course id, such as c-81b2d0e4a9f3c5d7 (from GET /api/v1/courses)";
    static final String USER_ID = "the user id, such as u-3f9a0c1d22e4b7a9 (from GET /api/v1/users)";

    private AccessExamples() {
    }
}
