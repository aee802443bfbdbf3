/**
 * Task definitions as native ECS JSON: loading a RegisterTaskDefinition file through the SDK's own model, filling
 * placeholders, pinning images, parsing image names, and the diff between two task definitions that dry runs show.
 */
package dev.ecsdeploy.core.spec;
