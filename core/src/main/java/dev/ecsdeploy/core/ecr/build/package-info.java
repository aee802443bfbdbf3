/** How builders run external commands: the caller-supplied {@link dev.ecsdeploy.core.ecr.build.CommandRunner}. */
package dev.ecsdeploy.core.ecr.build;
