package dev.ecsdeploy.emulator.ecs;

/** Placeholder for the BLUE_GREEN / LINEAR / CANARY stage machine. */
final class StagedRollout {}
