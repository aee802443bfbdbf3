/** Implementation of the ECR image engine: builders, registry logins, archive push, scan polling. Not an API. */
package dev.ecsdeploy.core.ecr.internal;
