package dev.ecsdeploy.core.history;

/** Returns what an entry describes; the JSON {@code type} of each kind is its lower-case {@link #type()}. */
public enum EntryKind {
    BUILD("build"),
    DEPLOYMENT("deployment"),
    TASK("task");

    private final String type;

    EntryKind(String type) {
        this.type = type;
    }

    /** Returns the value of the {@code type} property in the stored JSON. */
    public String type() {
        return type;
    }
}
