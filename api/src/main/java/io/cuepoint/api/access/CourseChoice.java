package io.cuepoint.api.access;

import io.cuepoint.api.ApiException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Which course a submitted video goes to: the one named, if the principal reaches it; without a name, the
 * tenant's course named "default" if the principal reaches it, else the only course it reaches, else a 400 that
 * lists the choices.
 */
@Singleton
public final class CourseChoice {
    private final CourseRepository courses;

    public CourseChoice(CourseRepository courses) {
        this.courses = courses;
    }

    /** The course id. @throws ApiException 404 for a course the principal does not reach, 400 when it must choose */
    public String courseFor(Connection c, Principal p, @Nullable String course) throws SQLException {
        List<Course> reachable = courses.list(c, p.tenantId()).stream()
                .filter(k -> p.courses() == null || p.courses().contains(k.id())).toList();
        if (course != null && !course.isBlank()) {
            String wanted = course.strip();
            return reachable.stream().filter(k -> k.id().equals(wanted)).findFirst()
                    .orElseThrow(() -> ApiException.notFound("no course " + wanted)).id();
        }
        var named = reachable.stream().filter(k -> k.name().equals(Principal.DEFAULT_COURSE)).findFirst();
        if (named.isPresent()) {
            return named.get().id();
        }
        if (reachable.size() == 1) {
            return reachable.get(0).id();
        }
        if (reachable.isEmpty()) {
            throw new ApiException(io.micronaut.http.HttpStatus.FORBIDDEN,
                    "the credential reaches no course to submit to; an admin can add its user to one");
        }
        throw ApiException.badRequest("course: required, one of " + reachable.stream()
                .map(k -> k.id() + " (" + k.name() + ")").toList());
    }
}
