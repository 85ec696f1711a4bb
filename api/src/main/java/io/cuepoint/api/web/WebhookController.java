package io.cuepoint.api.web;

import io.cuepoint.api.access.Principal;
import io.cuepoint.api.access.RequiresScope;
import io.cuepoint.api.access.Scope;
import io.cuepoint.api.webhook.DeliveryResource;
import io.cuepoint.api.webhook.WebhookDefinition;
import io.cuepoint.api.webhook.WebhookResource;
import io.cuepoint.api.webhook.WebhookService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.net.URI;
import java.util.List;

/**
 * A tenant's webhooks (admin scope): told when one of the tenant's videos completes or fails, with a signed JSON
 * body, retried with exponential backoff; the delivery log is readable here.
 */
@Controller("/api/v1/webhooks")
@ExecuteOn(TaskExecutors.BLOCKING)
@RequiresScope(Scope.ADMIN)
@Tag(name = "webhooks")
@ApiResponse(responseCode = "401", description = "missing or unknown credential",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(value = ProblemExamples.UNAUTHORIZED)))
@ApiResponse(responseCode = "403", description = "the credential lacks the admin scope",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(value = ProblemExamples.FORBIDDEN_ADMIN)))
public class WebhookController {
    private static final String WEBHOOK_ID = "the webhook id, as its creation answered it";
    private static final String WEBHOOK = "{\"id\": \"0b6f7c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e\", "
            + "\"url\": \"https://lms.example.edu/hooks/cuepoint\", \"events\": [\"video.completed\", \"video.failed\"], "
            + "\"createdAt\": \"2026-01-05T10:00:00Z\"";
    private static final String CREATED = WEBHOOK + ", \"secret\": \"whsec_q5Xy3n0c8GZb1lQm2Vh7tR9wKpE4sJdA6uFoYiNxC0\"}";
    private static final String DELIVERIES = "[{\"id\": \"5d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6\", "
            + "\"webhookId\": \"0b6f7c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e\", \"videoId\": \"3f1c2a9e-5b7d-4e21-9a0c-1d2e3f4a5b6c\", "
            + "\"event\": \"video.completed\", \"status\": \"delivered\", \"attempts\": 2, \"lastStatusCode\": 200, "
            + "\"createdAt\": \"2026-01-05T10:20:00Z\", \"deliveredAt\": \"2026-01-05T10:20:41Z\", \"log\": ["
            + "{\"attempt\": 1, \"at\": \"2026-01-05T10:20:01Z\", \"statusCode\": 503, \"error\": \"answered 503\", "
            + "\"durationMs\": 42}, {\"attempt\": 2, \"at\": \"2026-01-05T10:20:41Z\", \"statusCode\": 200, "
            + "\"durationMs\": 37}]}]";
    private static final String REFUSED = "{\"type\": \"about:blank\", \"title\": \"Bad Request\", \"status\": 400, "
            + "\"detail\": \"refused: hooks.internal resolves to 10.0.4.7, a private address (RFC 1918) "
            + "(cuepoint.egress.allowed-networks can allow it)\", \"instance\": \"/api/v1/webhooks\"}";
    private static final String NOT_FOUND = "{\"type\": \"about:blank\", \"title\": \"Not Found\", \"status\": 404, "
            + "\"detail\": \"no webhook 0b6f7c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e\", "
            + "\"instance\": \"/api/v1/webhooks/0b6f7c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e\"}";

    private final WebhookService webhooks;

    public WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Operation(summary = "Create a webhook",
            description = "The url must be http or https and pass the egress guard (no loopback, private, "
                    + "link-local or metadata addresses unless cuepoint.egress.allowed-networks allows them). "
                    + "events defaults to every event. The answer holds the signing secret, shown only this once. "
                    + "Each delivery is a POST of JSON {event, deliveryId, webhookId, video} with the headers "
                    + "Cuepoint-Event, Cuepoint-Delivery (the delivery id: deduplicate by it) and Cuepoint-Signature: "
                    + "t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + \".\" + body)>.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookDefinition.class),
                    examples = @ExampleObject(value = "{\"url\": \"https://lms.example.edu/hooks/cuepoint\", "
                            + "\"events\": [\"video.completed\", \"video.failed\"]}"))))
    @ApiResponse(responseCode = "201", description = "created; Location names the webhook", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookResource.class),
            examples = @ExampleObject(value = CREATED)))
    @ApiResponse(responseCode = "400", description = "missing, invalid or refused url; unknown event",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = REFUSED)))
    @Post(consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<WebhookResource> create(
            @Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE) Principal principal,
            @Body WebhookDefinition definition) {
        WebhookResource created = webhooks.create(principal, definition);
        return HttpResponse.<WebhookResource>created(URI.create("/api/v1/webhooks/" + created.id())).body(created);
    }

    @Operation(summary = "The tenant's webhooks", description = "Newest first; secrets are never listed.")
    @ApiResponse(responseCode = "200", description = "the webhooks", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            array = @ArraySchema(schema = @Schema(implementation = WebhookResource.class)),
            examples = @ExampleObject(value = "[" + WEBHOOK + "}]")))
    @Get
    public List<WebhookResource> list(
            @Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE) Principal principal) {
        return webhooks.list(principal);
    }

    @Operation(summary = "Delete a webhook",
            description = "It receives nothing more; its pending deliveries are marked failed; its delivery log "
                    + "stays readable.")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ApiResponse(responseCode = "404", description = "no such webhook in this tenant", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(value = NOT_FOUND)))
    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    public void delete(@Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE) Principal principal,
                       @Parameter(description = WEBHOOK_ID) @PathVariable String id) {
        webhooks.delete(principal, id);
    }

    @Operation(summary = "A webhook's delivery log",
            description = "Newest delivery first; each with its status (pending, delivered, failed), the number of "
                    + "attempts, the next attempt's time while pending, and every attempt's status code or error.")
    @ApiResponse(responseCode = "200", description = "the deliveries", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            array = @ArraySchema(schema = @Schema(implementation = DeliveryResource.class)),
            examples = @ExampleObject(value = DELIVERIES)))
    @ApiResponse(responseCode = "404", description = "no such webhook in this tenant", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(value = NOT_FOUND)))
    @Get("/{id}/deliveries")
    public List<DeliveryResource> deliveries(
            @Parameter(hidden = true) @RequestAttribute(Principal.ATTRIBUTE) Principal principal,
            @Parameter(description = WEBHOOK_ID) @PathVariable String id,
            @Parameter(description = "deliveries per page, newest first, 1 to 500")
            @QueryValue(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return webhooks.deliveries(principal, id, limit);
    }
}
