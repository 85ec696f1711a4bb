package io.cuepoint.api.webhook;

import io.cuepoint.api.ApiException;
import io.cuepoint.api.access.Principal;
import io.cuepoint.api.egress.EgressGuard;
import io.cuepoint.api.store.Database;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Creates, lists and deletes a tenant's webhooks and reads their delivery log. */
@Singleton
public final class WebhookService {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_URL = 2048;

    private final Database db;
    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final EgressGuard guard;

    public WebhookService(Database db, WebhookRepository webhooks, DeliveryRepository deliveries, EgressGuard guard) {
        this.db = db;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.guard = guard;
    }

    /**
     * Creates a webhook for the principal's tenant after checking its URL with the egress guard.
     *
     * @return the webhook with its signing secret, the only time the secret is shown
     * @throws ApiException 400 for a missing, invalid or refused URL or an unknown event
     */
    public WebhookResource create(Principal principal, WebhookDefinition definition) {
        String url = definition.url() == null ? "" : definition.url().strip();
        if (url.isEmpty() || url.length() > MAX_URL) {
            throw ApiException.badRequest("a webhook needs a url of at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("not a valid URL: " + url);
        }
        guard.checkUrl(uri);
        List<String> events = events(definition.events());
        String id = UUID.randomUUID().toString();
        String secret = newSecret();
        db.inTransaction("creating a webhook", c -> {
            webhooks.insert(c, id, principal.tenantId(), url, secret, events);
            return null;
        });
        LOG.info("{} created webhook {} of tenant {} for {} ({})", principal.actor(), id, principal.tenantId(),
                uri.getHost(), events);
        WebhookResource created = db.read("reading a webhook", c -> webhooks.find(c, principal.tenantId(), id))
                .orElseThrow();
        return new WebhookResource(created.id(), created.url(), created.events(), created.createdAt(), null, secret);
    }

    public List<WebhookResource> list(Principal principal) {
        return db.read("listing webhooks", c -> webhooks.list(c, principal.tenantId()));
    }

    /** Deletes a webhook: it gets nothing more, its pending deliveries fail, its log stays readable. */
    public void delete(Principal principal, String id) {
        boolean deleted = db.inTransaction("deleting a webhook", c -> webhooks.disable(c, principal.tenantId(), id));
        if (!deleted) {
            throw ApiException.notFound("no webhook " + id);
        }
        LOG.info("{} deleted webhook {}", principal.actor(), id);
    }

    /** The webhook's deliveries, newest first. 404 for a webhook of another tenant, as for a missing one. */
    public List<DeliveryResource> deliveries(Principal principal, String id, int limit) {
        return db.read("reading webhook deliveries", c -> {
            if (webhooks.find(c, principal.tenantId(), id).isEmpty()) {
                throw ApiException.notFound("no webhook " + id);
            }
            return deliveries.page(c, id, limit);
        });
    }

    private static List<String> events(@Nullable List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return Arrays.stream(WebhookEvent.values()).map(WebhookEvent::wireName).toList();
        }
        var names = new LinkedHashSet<String>();
        for (String name : requested) {
            WebhookEvent event = WebhookEvent.parse(name == null ? "" : name).orElseThrow(() -> ApiException
                    .badRequest("unknown webhook event '" + name + "'; use " + Arrays.stream(WebhookEvent.values())
                            .map(WebhookEvent::wireName).toList()));
            names.add(event.wireName());
        }
        return List.copyOf(names);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
