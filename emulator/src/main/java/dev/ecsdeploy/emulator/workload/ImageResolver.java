package dev.ecsdeploy.emulator.workload;

/** Implemented by the emulated registry; used by ECS to decide how a container behaves. */
@FunctionalInterface
public interface ImageResolver {
    ImageResolution resolve(String imageReference);
}
