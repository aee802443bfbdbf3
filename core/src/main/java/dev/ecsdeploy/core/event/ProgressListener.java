package dev.ecsdeploy.core.event;

/** Where core reports progress; implemented by the CLI (standard error) and the plugin (the build log). */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that drops everything. */
    ProgressListener NONE = event -> {};

    void onEvent(ProgressEvent event);
}
