/**
 * One-off ECS tasks (migrations, batch jobs, smoke tests): {@link dev.ecsdeploy.core.task.EcsTaskRunner} runs them on
 * the long-operation contract, streams their logs and judges their exit codes. The requests, handles and results are
 * here; the implementation is in {@code task.internal}.
 */
package dev.ecsdeploy.core.task;
