package io.cuepoint.api.web;

import io.cuepoint.api.ApiException;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.types.files.StreamedFile;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.Pattern;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Properties;

/**
 * Swagger UI's own files from the org.webjars:swagger-ui jar, under {@code /docs/ui/}. The page that starts it
 * ({@code /docs/}, pointed at {@code /swagger/cuepoint.yml}) is a static resource of this module; nothing is
 * loaded from elsewhere. The webjar keeps its files in a folder named for its version, read here from the jar
 * so that a version change in the pom needs nothing else.
 */
@Controller("/docs/ui")
@Hidden
public class DocsController {
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";

    private final String folder;

    public DocsController() {
        this.folder = WEBJAR + webjarVersion() + "/";
    }

    @Get("/{file}")
    public StreamedFile file(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]+\\.(js|css|png|map)") String file) {
        URL url = getClass().getClassLoader().getResource(folder + file);
        if (url == null) {
            throw ApiException.notFound("Swagger UI has no file " + file);
        }
        return new StreamedFile(url);
    }

    private static String webjarVersion() {
        var props = new Properties();
        try (InputStream in = DocsController.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("org.webjars:swagger-ui is missing from the class path");
            }
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props.getProperty("version");
    }
}
