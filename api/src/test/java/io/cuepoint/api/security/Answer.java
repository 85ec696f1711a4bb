package io.cuepoint.api.security;

import io.cuepoint.api.access.AccessFixtures;
import io.cuepoint.api.web.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the server answered, whatever the status; and the checks every refusal must pass. */
record Answer(String request, int status, String contentType, String body, String wwwAuthenticate) {
    private static final Set<String> PROBLEM_FIELDS = Set.of("type", "title", "status", "detail", "instance");

    static Answer send(BlockingHttpClient client, HttpRequest<?> request) {
        String name = request.getMethod() + " " + request.getUri();
        try {
            return of(name, client.exchange(request, String.class));
        } catch (HttpClientResponseException e) {
            return of(name, e.getResponse());
        }
    }

    private static Answer of(String name, HttpResponse<?> response) {
        return new Answer(name, response.code(), response.getContentType().map(Object::toString).orElse(""),
                response.getBody(String.class).orElse(""), response.header("WWW-Authenticate"));
    }

    boolean ok() {
        return status >= 200 && status < 300;
    }

    /**
     * Checks that this is a refusal with {@code status}: a problem document with nothing but the problem's
     * fields, none of which holds any of {@code secrets}.
     */
    Map<String, Object> assertProblem(int expected, String... secrets) {
        assertThat(status).as("%s answered %s: %s", request, status, body).isEqualTo(expected);
        assertThat(contentType).as("%s content type", request).startsWith(Problem.MEDIA_TYPE);
        Map<String, Object> problem = AccessFixtures.parse(body);
        assertThat(problem.keySet()).as("%s: %s", request, body).isSubsetOf(PROBLEM_FIELDS);
        assertThat(problem).as(request).containsEntry("status", expected).containsKey("detail");
        for (String secret : secrets) {
            assertThat(body).as("%s leaks data", request).doesNotContain(secret);
        }
        return problem;
    }
}
