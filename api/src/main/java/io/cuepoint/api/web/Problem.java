package io.cuepoint.api.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An RFC 9457 problem document, served as {@code application/problem+json}.
 *
 * @param type     {@code about:blank}: the status and title say what kind of problem it is
 * @param title    the HTTP reason phrase
 * @param status   the HTTP status
 * @param detail   what went wrong, for the user
 * @param instance the request path
 */
@Schema(name = "Problem")
public record Problem(String type, String title, int status, String detail, String instance) {
    public static final String MEDIA_TYPE = "application/problem+json";
}
