/**
 * What people type, read once for every front end: {@link dev.ecsdeploy.core.input.InputParser} turns the text of a
 * CLI flag or a Jenkins form field into a typed value or a {@link dev.ecsdeploy.core.input.ValidationProblem} with
 * the one error text both show, and {@link dev.ecsdeploy.core.input.Defaults} holds the defaults both fall back to.
 */
package dev.ecsdeploy.core.input;
