/**
 * Emulated Amazon ECR: the AWS JSON 1.1 API ({@link dev.ecsdeploy.emulator.ecr.EcrService}) and the embedded OCI
 * distribution registry under {@code /v2/} that podman, buildah, docker and Jib push to. Both meet in one
 * synchronized store; the registry never takes the emulator's world lock.
 */
package dev.ecsdeploy.emulator.ecr;
