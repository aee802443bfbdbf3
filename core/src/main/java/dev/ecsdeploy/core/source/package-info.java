/** The commit an image is built from, read with git on the build machine, for the history's lead time and diffs. */
package dev.ecsdeploy.core.source;
