package io.cuepoint.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import java.util.Map;

/**
 * The api application. {@link #start(Map)} runs it inside another program (the all-in-one mode); the
 * properties override application.yml, e.g. {@code datasources.default.url}, {@code cuepoint.api-keys},
 * {@code cuepoint.kafka.bootstrap-servers}, {@code micronaut.server.port}.
 */
@OpenAPIDefinition(
        info = @Info(title = "Cuepoint", version = "1",
                description = "Timelines of events in recorded lectures and clinical-skills videos.",
                license = @License(name = "Proprietary")),
        security = {@SecurityRequirement(name = "apiKey"), @SecurityRequirement(name = "bearer")})
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = "X-API-Key", description = "An API key (cpk_<id>_<secret>, from POST /api/v1/api-keys) or an "
        + "operator key (cuepoint.api-keys); also accepted as Authorization: Bearer <key>")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A sign-in token from POST /api/v1/auth/login (or an API key)")
public final class CuepointApi {
    private CuepointApi() {
    }

    public static void main(String[] args) {
        Micronaut.run(CuepointApi.class, args);
    }

    /**
     * Starts the api with extra properties, HTTP server included; close the returned context to stop it.
     * Unlike {@code Micronaut.run} this registers no shutdown hook and never exits the JVM: the caller
     * owns the order in which the api, the workers and the embedded servers stop.
     */
    public static ApplicationContext start(Map<String, Object> properties) {
        var context = ApplicationContext.builder(CuepointApi.class).properties(properties).start();
        try {
            context.getBean(EmbeddedServer.class).start();
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
        return context;
    }
}
