/** Build, push, promote and scan-gate container images in Amazon ECR: {@link dev.ecsdeploy.core.ecr.EcrImageManager}. */
package dev.ecsdeploy.core.ecr;
