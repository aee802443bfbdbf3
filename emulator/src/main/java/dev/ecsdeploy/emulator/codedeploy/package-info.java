/**
 * The emulated AWS CodeDeploy for Amazon ECS (AWS JSON 1.1, target prefix {@code CodeDeploy_20141006}): applications,
 * deployment groups, blue/green deployments with an AppSpec, their lifecycle events and traffic shifts, the ready
 * wait, stops and automatic rollbacks. It drives the replacement task sets through the emulated ECS.
 */
package dev.ecsdeploy.emulator.codedeploy;
