/**
 * Tailing a task's CloudWatch Logs: stream names from the task definition, GetLogEvents token bookkeeping that
 * survives a restart, and a read cadence within the API budget.
 */
package dev.ecsdeploy.core.logs;
