package io.cuepoint.api.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;

/**
 * The site root leads to the viewer. The viewer's files themselves (index.html, ES modules, CSS) are static
 * resources under {@code /viewer/} (application.yml); like {@code /docs} they hold no data and need no
 * credential: the page asks for one and sends it with every api call.
 */
@Controller
@Hidden
public class ViewerController {
    static final URI VIEWER = URI.create("/viewer/");

    @Get
    public HttpResponse<?> root() {
        return HttpResponse.seeOther(VIEWER);
    }
}
