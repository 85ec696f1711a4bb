package io.cuepoint.api.access;

import io.cuepoint.api.ApiException;
import io.cuepoint.api.config.AuthConfig;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;

/**
 * The one place where {@code /api/v1} requests are authenticated and authorised, in this order: the credential
 * (401), the actor's rate limit (429), the route's {@link RequiresScope} (403; a route without one is refused),
 * and, for {@code /api/v1/videos/{id}} and everything under it, whether the principal sees that video (404, as
 * for a missing one). Sets {@link Principal#ATTRIBUTE}. Routes marked {@link PublicRoute} need no credential and
 * are rate-limited per remote address.
 */
@ServerFilter(AuthenticationFilter.PATTERN)
@Order(AuthenticationFilter.ORDER)
final class AuthenticationFilter {
    static final String PATTERN = "/api/v1/**";
    /** After {@link AuditFilter}, whose response side must see this filter's refusals. */
    static final int ORDER = AuditFilter.ORDER + 10;
    static final String HEADER = "X-API-Key";
    static final String ACCESS_PARAMETER = "access";
    private static final String BEARER = "Bearer ";

    private final Authenticator authenticator;
    private final MediaTokens mediaTokens;
    private final VideoAccess videos;
    private final RateLimiter perActor;
    private final RateLimiter perAddress;
    private final HttpClientAddressResolver addresses;
    private final ErrorResponseProcessor<?> errors;

    AuthenticationFilter(Authenticator authenticator, MediaTokens mediaTokens, VideoAccess videos, AuthConfig config,
                         HttpClientAddressResolver addresses, ErrorResponseProcessor<?> errors) {
        this.authenticator = authenticator;
        this.mediaTokens = mediaTokens;
        this.videos = videos;
        this.perActor = new RateLimiter(config.rateLimitPerSecond(), config.rateLimitBurst());
        this.perAddress = new RateLimiter(config.loginAttemptsPerMinute() / 60.0, config.loginAttemptsPerMinute());
        this.addresses = addresses;
        this.errors = errors;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        RouteInfo<?> route = RouteAttributes.getRouteInfo(request).orElse(null);
        if (route != null && route.getAnnotationMetadata().hasAnnotation(PublicRoute.class)) {
            String remote = String.valueOf(addresses.resolve(request));
            return limited(request, perAddress.take("address:" + remote), "sign-in attempts from " + remote);
        }
        String videoId = RequestPaths.videoId(request.getPath());
        Principal principal;
        try {
            principal = principal(request, videoId);
        } catch (ApiException e) {
            return refuse(request, e, HttpResponse.status(e.status()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        }
        request.setAttribute(Principal.ATTRIBUTE, principal);
        HttpResponse<?> limited = limited(request, perActor.take(principal.actor()), principal.actor());
        if (limited != null) {
            return limited;
        }
        try {
            if (route != null) {
                checkScope(route.getAnnotationMetadata(), principal);
            }
            if (videoId != null) {
                videos.check(principal, videoId);
            }
        } catch (ApiException e) {
            return refuse(request, e, HttpResponse.status(e.status()));
        }
        return null;
    }

    private Principal principal(HttpRequest<?> request, @Nullable String videoId) {
        String credential = presented(request);
        if (credential != null) {
            return authenticator.authenticate(credential);
        }
        String token = request.getParameters().get(ACCESS_PARAMETER);
        if (token != null && videoId != null && request.getMethod() == HttpMethod.GET
                && RequestPaths.isMedia(request.getPath())) {
            return mediaTokens.verify(token, videoId)
                    .orElseThrow(() -> JwtTokens.unauthorized("the media link is not valid or has expired"));
        }
        throw JwtTokens.unauthorized("a credential is required: send an API key as " + HEADER
                + ", or a key or sign-in token as Authorization: Bearer <credential>");
    }

    /** @throws ApiException 403 when the route needs a scope the principal lacks, or declares none */
    static void checkScope(AnnotationMetadata metadata, Principal principal) {
        if (metadata.hasAnnotation(AnyScope.class)) {
            return;
        }
        Scope needed = metadata.enumValue(RequiresScope.class, Scope.class).orElseThrow(() -> new ApiException(
                HttpStatus.FORBIDDEN, "this route declares no scope, so nobody may call it"));
        if (!principal.can(needed)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "this needs the scope " + needed.wireName()
                    + ", which the credential does not have");
        }
    }

    @Nullable
    private HttpResponse<?> limited(HttpRequest<?> request, long waitNanos, String who) {
        if (waitNanos == 0) {
            return null;
        }
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        var e = new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate limit exceeded for " + who + "; retry in "
                + seconds + " s");
        return refuse(request, e, HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
    }

    private HttpResponse<?> refuse(HttpRequest<?> request, ApiException e,
                                   io.micronaut.http.MutableHttpResponse<?> response) {
        return errors.processResponse(ErrorContext.builder(request).cause(e).errorMessage(e.getMessage()).build(),
                response);
    }

    @Nullable
    private static String presented(HttpRequest<?> request) {
        String key = request.getHeaders().get(HEADER);
        if (key == null) {
            String auth = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
            if (auth != null && auth.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                key = auth.substring(BEARER.length());
            }
        }
        return key == null || key.isBlank() ? null : key.strip();
    }
}
