-- Access control: tenants own courses, users and API keys; every video belongs to one tenant and one course.
CREATE TABLE tenants (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE courses (
    id         TEXT PRIMARY KEY,
    tenant_id  TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, name)
);

-- Browser users sign in with email and password (PBKDF2, see PasswordHasher); integrations are users too.
CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    tenant_id     TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'faculty', 'integration')),
    password_hash TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    disabled_at   TIMESTAMPTZ
);
CREATE INDEX users_by_tenant ON users (tenant_id);

-- Which courses a faculty or integration user may reach (admins reach every course of their tenant).
CREATE TABLE course_members (
    course_id TEXT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    user_id   TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (course_id, user_id)
);
CREATE INDEX course_members_by_user ON course_members (user_id);

-- API keys: only the SHA-256 of the secret part is stored. A key acts for its user, narrowed to its scopes.
CREATE TABLE api_keys (
    id           TEXT PRIMARY KEY,
    tenant_id    TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    secret_hash  BYTEA NOT NULL,
    scopes       TEXT[] NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ
);
CREATE INDEX api_keys_by_tenant ON api_keys (tenant_id, created_at);

INSERT INTO tenants (id, name) VALUES ('default', 'default');
INSERT INTO courses (id, tenant_id, name) VALUES ('default', 'default', 'default');

ALTER TABLE videos ADD COLUMN tenant_id TEXT NOT NULL DEFAULT 'default' REFERENCES tenants (id);
ALTER TABLE videos ADD COLUMN course_id TEXT NOT NULL DEFAULT 'default' REFERENCES courses (id);
ALTER TABLE videos ALTER COLUMN tenant_id DROP DEFAULT;
ALTER TABLE videos ALTER COLUMN course_id DROP DEFAULT;
CREATE INDEX videos_by_tenant ON videos (tenant_id, created_at DESC, id DESC);
CREATE INDEX videos_by_course ON videos (course_id, created_at DESC, id DESC);

-- Who read or changed what. Written for every /api/v1 request that reaches data, also when it is refused.
CREATE TABLE audit_log (
    id        BIGSERIAL PRIMARY KEY,
    at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    tenant_id TEXT,
    actor     TEXT,
    method    TEXT NOT NULL,
    path      TEXT NOT NULL,
    video_id  TEXT,
    status    INTEGER NOT NULL,
    remote    TEXT
);
CREATE INDEX audit_log_by_tenant ON audit_log (tenant_id, id DESC);
