package io.cuepoint.deploy;

/** An environment variable that a deployment file sets, and where (file, object, container) for messages. */
record Setting(String name, String where) {
    @Override
    public String toString() {
        return name + " set in " + where;
    }
}
