/**
 * The implementation of the deployment engines: planning and validating before any mutation, the guarded
 * UpdateService call, following service deployments to a verdict, PAUSE hooks behind the SDK capability check, and
 * CodeDeploy deployments. Not an API: only core uses it (an ArchUnit rule in the CLI and the plugin keeps it so).
 */
package dev.ecsdeploy.core.deploy.internal;
