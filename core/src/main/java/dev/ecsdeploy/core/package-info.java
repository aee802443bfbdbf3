/** The library root: {@link dev.ecsdeploy.core.EcsDeployVersion}, the version every client reports in its user agent. */
package dev.ecsdeploy.core;
