package io.cuepoint.api.web;

import io.cuepoint.api.ApiException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemBodyProviderTest {
    private final ProblemBodyProvider provider = new ProblemBodyProvider();

    @Test
    void unexpectedErrorsDoNotLeakInternals() {
        var context = ErrorContext.builder(HttpRequest.GET("/api/v1/videos/x"))
                .cause(new IllegalStateException("password=hunter2 at db-7.internal"))
                .errorMessage("Internal Server Error: password=hunter2 at db-7.internal").build();
        Problem problem = provider.body(context, HttpResponse.serverError());
        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.title()).isEqualTo("Internal Server Error");
        assertThat(problem.detail()).doesNotContain("hunter2").doesNotContain("db-7");
        assertThat(problem.instance()).isEqualTo("/api/v1/videos/x");
        assertThat(provider.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void apiExceptionsKeepTheirMessage() {
        var e = new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "the job queue (Kafka) is not available");
        var context = ErrorContext.builder(HttpRequest.POST("/api/v1/videos", "")).cause(e)
                .errorMessage(e.getMessage()).build();
        Problem problem = provider.body(context, HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE));
        assertThat(problem.detail()).isEqualTo("the job queue (Kafka) is not available");
        assertThat(problem.status()).isEqualTo(503);
    }
}
