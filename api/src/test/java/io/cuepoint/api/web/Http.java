package io.cuepoint.api.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.Map;

import static io.cuepoint.api.ApiTestBase.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Small helpers over the blocking client: JSON bodies as maps, problem documents checked. */
final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Http() {
    }

    static <T> MutableHttpRequest<T> withKey(MutableHttpRequest<T> request) {
        return request.header("X-API-Key", KEY);
    }

    static Map<String, Object> getJson(BlockingHttpClient client, String uri) {
        return parse(client.retrieve(withKey(HttpRequest.GET(uri)), String.class));
    }

    /** Sends a request that must fail with {@code status}; returns its problem document after checking its shape. */
    static Map<String, Object> problem(BlockingHttpClient client, HttpRequest<?> request, int status) {
        var e = catchThrowableOfType(HttpClientResponseException.class, () -> client.exchange(request, String.class));
        assertThat(e).as("expected status %s", status).isNotNull();
        assertThat(e.getStatus().getCode()).isEqualTo(status);
        assertThat(e.getResponse().getContentType()).hasValueSatisfying(
                t -> assertThat(t.toString()).startsWith(Problem.MEDIA_TYPE));
        Map<String, Object> problem = parse(e.getResponse().getBody(String.class).orElseThrow());
        assertThat(problem).containsEntry("status", status).containsEntry("type", "about:blank")
                .containsKeys("title", "detail", "instance");
        return problem;
    }

    static java.util.List<Map<String, Object>> parseList(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() { });
        } catch (Exception e) {
            throw new AssertionError("not a JSON array: " + json, e);
        }
    }

    static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() { });
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
