/**
 * What happened: image builds, deployments and one-off tasks as a persisted, schema-versioned model, the queries
 * over it (what runs now, the timeline, the last successful deployment, the promotion view) and the append-only
 * JSON-lines store that keeps it.
 *
 * <p>The model is our own: engines map their results into it, so the stored files stay readable across SDK and
 * engine changes. An entry is a full snapshot of one build, deployment or task at the time it was recorded; a
 * newer entry with the same kind and id supersedes an older one.
 */
package dev.ecsdeploy.core.history;
