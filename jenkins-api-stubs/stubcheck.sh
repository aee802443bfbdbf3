#!/usr/bin/env bash
# Holds jenkins-api-stubs against the real Jenkins sources with the shared stubcheck tool.
# Usage (from anywhere): jenkins-api-stubs/stubcheck.sh SOURCES_DIR
#   SOURCES_DIR holds one git clone (bare or not) per repository, named <owner>+<name>:
#     jenkinsci+jenkins jenkinsci+stapler jenkinsci+remoting jenkinsci+workflow-step-api-plugin
#     jenkinsci+credentials-plugin jenkinsci+aws-credentials-plugin jenkinsci+structs-plugin jglick+sezpoz
#     and, for org.jenkinsci.Symbol and @Indexed, jenkinsci+lib-symbol-annotation jenkinsci+lib-annotation-indexer
#   for example: for r in jenkinsci/jenkins ...; do git clone --bare https://github.com/$r SOURCES_DIR/${r/\//+}; done
# Prints one line per mismatch and "N types, M members checked; K mismatches"; exits 1 on a mismatch.
set -euo pipefail
sources=$(cd "${1:?usage: stubcheck.sh SOURCES_DIR}" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
tool=${STUBCHECK:-}
for candidate in "$root/../shared/tools/stubcheck/run.sh" "$root/../../shared/tools/stubcheck/run.sh"; do
  [ -z "$tool" ] && [ -x "$candidate" ] && tool=$candidate
done
[ -n "$tool" ] || { echo "stubcheck not found: set STUBCHECK to the path of shared/tools/stubcheck/run.sh" >&2; exit 2; }
cd "$root" && exec "$tool" "$sources" jenkins-api-stubs/src/main/java
