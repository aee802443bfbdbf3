/**
 * The implementation of {@link dev.ecsdeploy.core.task.EcsTaskRunner}: preparing derived revisions, the RunTask call
 * with its persisted client token, following tasks and their logs, and the verdict rules. Not an API: only core uses
 * it (an ArchUnit rule in the CLI and the plugin keeps it so).
 */
package dev.ecsdeploy.core.task.internal;
