/** Scan waits (start/poll with a serializable handle), scan reports and the severity gate. */
package dev.ecsdeploy.core.ecr.scan;
