/**
 * The emulated Amazon ECS: {@link dev.ecsdeploy.emulator.ecs.EcsService} dispatches operations to focused classes
 * (clusters, task definitions, tags, tasks, services, service deployments), {@code TaskRunner} moves tasks through
 * their lifecycle, {@code ServiceScheduler} with {@code CircuitBreaker} and {@code StagedEngine} runs rolling and
 * native blue/green, linear and canary deployments, and {@code EventQueue} fires every transition at its exact
 * emulated due time.
 */
package dev.ecsdeploy.emulator.ecs;
