package io.cuepoint.api.access;

import io.cuepoint.api.ApiException;
import io.cuepoint.api.store.Database;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Tenants, courses, users and memberships. Everything but tenants acts within the caller's tenant only: an id of
 * another tenant answers 404 exactly as a missing one. Changes that alter what a user may do drop it from the
 * authentication cache at once.
 */
@Singleton
public final class AccountService {
    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);

    /** A new tenant, its default course and, when one was asked for, its first admin. */
    public record CreatedTenant(Tenant tenant, Course defaultCourse, @Nullable UserResource admin) {
    }

    private final Database db;
    private final TenantRepository tenants;
    private final CourseRepository courses;
    private final UserRepository users;
    private final PasswordHasher passwords;
    private final Authenticator authenticator;

    public AccountService(Database db, TenantRepository tenants, CourseRepository courses, UserRepository users,
                          PasswordHasher passwords, Authenticator authenticator) {
        this.db = db;
        this.tenants = tenants;
        this.courses = courses;
        this.users = users;
        this.passwords = passwords;
        this.authenticator = authenticator;
    }

    /** Operators only. @param adminEmail with {@code adminPassword}: also create the tenant's first admin */
    public CreatedTenant createTenant(Principal p, String name, @Nullable String adminEmail,
                                      @Nullable String adminPassword) {
        requireOperator(p);
        String tenantName = text("name", name);
        String hash = adminEmail == null ? null : hashed(adminPassword);
        CreatedTenant created = db.inTransaction("creating a tenant", c -> {
            if (tenants.nameTaken(c, tenantName)) {
                throw new ApiException(HttpStatus.CONFLICT, "a tenant named " + tenantName + " exists already");
            }
            Tenant tenant = tenants.insert(c, Ids.newId("t-"), tenantName);
            Course course = courses.insert(c, Ids.newId("c-"), tenant.id(), Principal.DEFAULT_COURSE);
            UserResource admin = null;
            if (adminEmail != null) {
                admin = insertUser(c, tenant.id(), adminEmail, null, Role.ADMIN, hash, List.of());
            }
            return new CreatedTenant(tenant, course, admin);
        });
        LOG.info("{} created tenant {} ({})", p.actor(), created.tenant().id(), tenantName);
        return created;
    }

    public List<Tenant> tenants(Principal p) {
        requireOperator(p);
        return db.read("listing tenants", tenants::list);
    }

    public Course createCourse(Principal p, String name) {
        String courseName = text("name", name);
        return db.inTransaction("creating a course", c -> courses.insert(c, Ids.newId("c-"), p.tenantId(), courseName));
    }

    public List<Course> courses(Principal p) {
        return db.read("listing courses", c -> courses.list(c, p.tenantId()));
    }

    public UserResource createUser(Principal p, String email, @Nullable String name, String role,
                                   @Nullable String password, @Nullable List<String> courseIds) {
        Role r = role(role);
        String hash = password == null ? null : hashed(password);
        return db.inTransaction("creating a user", c -> insertUser(c, p.tenantId(), email, name, r, hash,
                courseIds == null ? List.of() : courseIds));
    }

    public List<UserResource> users(Principal p) {
        return db.read("listing users", c -> users.list(c, p.tenantId()).stream().map(UserResource::of).toList());
    }

    /** Changes what is given (null: unchanged). */
    public UserResource updateUser(Principal p, String id, @Nullable String role, @Nullable Boolean disabled,
                                   @Nullable String password) {
        Role r = role == null ? null : role(role);
        String hash = password == null ? null : hashed(password);
        UserResource updated = db.inTransaction("updating a user", c -> {
            user(c, p, id);
            if (r != null) {
                users.setRole(c, id, r);
            }
            if (disabled != null) {
                users.setDisabled(c, id, disabled);
            }
            if (hash != null) {
                users.setPasswordHash(c, id, hash);
            }
            return UserResource.of(user(c, p, id));
        });
        authenticator.forgetUser(id);
        LOG.info("{} updated user {}: role={}, disabled={}, password {}", p.actor(), id, role, disabled,
                password == null ? "unchanged" : "changed");
        return updated;
    }

    /** Adds or removes a membership; returns the user as it is afterwards. */
    public UserResource membership(Principal p, String courseId, String userId, boolean member) {
        UserResource result = db.inTransaction("changing a course membership", c -> {
            courses.find(c, p.tenantId(), courseId).orElseThrow(() -> ApiException.notFound("no course " + courseId));
            user(c, p, userId);
            if (member) {
                courses.addMember(c, courseId, userId);
            } else if (!courses.removeMember(c, courseId, userId)) {
                throw ApiException.notFound("user " + userId + " is not a member of course " + courseId);
            }
            return UserResource.of(user(c, p, userId));
        });
        authenticator.forgetUser(userId);
        return result;
    }

    /** The user of the caller's tenant. @throws ApiException 404 for a missing one or one of another tenant */
    UserAccount user(Connection c, Principal p, String id) throws SQLException {
        return users.find(c, id).filter(u -> u.tenantId().equals(p.tenantId()))
                .orElseThrow(() -> ApiException.notFound("no user " + id));
    }

    private UserResource insertUser(Connection c, String tenantId, String email, @Nullable String name, Role role,
                                    @Nullable String hash, List<String> courseIds) throws SQLException {
        String address = text("email", email);
        if (!address.matches("[^@\\s]+@[^@\\s]+") || address.length() > 320) {
            throw ApiException.badRequest("email: not an email address: " + address);
        }
        String id = Ids.newId("u-");
        users.insert(c, id, tenantId, address, name == null || name.isBlank() ? null : name.strip(), role, hash);
        for (String courseId : courseIds) {
            courses.find(c, tenantId, courseId).orElseThrow(() -> ApiException.notFound("no course " + courseId));
            courses.addMember(c, courseId, id);
        }
        return UserResource.of(users.find(c, id).orElseThrow());
    }

    private String hashed(@Nullable String password) {
        PasswordHasher.checkStrength(password);
        return passwords.hash(password);
    }

    static void requireOperator(Principal p) {
        if (!p.operator()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "only an operator key (cuepoint.api-keys) manages tenants");
        }
    }

    private static Role role(@Nullable String role) {
        if (role == null) {
            throw ApiException.badRequest("role: required, one of admin, faculty, integration");
        }
        try {
            return Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("role: one of admin, faculty, integration; got " + role);
        }
    }

    private static String text(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field + ": required");
        }
        if (value.length() > 320) {
            throw ApiException.badRequest(field + ": at most 320 characters");
        }
        return value.strip();
    }
}
