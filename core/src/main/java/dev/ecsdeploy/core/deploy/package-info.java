/**
 * Deployments of ECS services: {@link dev.ecsdeploy.core.deploy.DeploymentEngine} (rolling, canary, linear,
 * blue/green) on the long-operation contract, its requests, durable handles, plans (dry runs) and records. A rollback
 * is never a success. CodeDeploy-controlled services are in {@code deploy.codedeploy}; the implementation is in
 * {@code deploy.internal}.
 */
package dev.ecsdeploy.core.deploy;
