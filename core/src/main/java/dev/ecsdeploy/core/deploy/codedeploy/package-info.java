/**
 * Deployments of ECS services with the CODE_DEPLOY deployment controller (CodeDeploy blue/green), on the same
 * long-operation contract as every other deployment: {@link dev.ecsdeploy.core.deploy.codedeploy.CodeDeployDeployments}
 * starts one from a {@link dev.ecsdeploy.core.deploy.codedeploy.CodeDeployRequest}, polls it through a small
 * serializable {@link dev.ecsdeploy.core.deploy.codedeploy.CodeDeployHandle}, turns CodeDeploy's ready wait into a
 * {@link dev.ecsdeploy.core.operation.DecisionPoint}, and ends with a
 * {@link dev.ecsdeploy.core.deploy.DeploymentRecord} in the shared verdict vocabulary.
 */
package dev.ecsdeploy.core.deploy.codedeploy;
