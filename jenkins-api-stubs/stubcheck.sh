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
# The shared tool reads Jenkins core and the plugins listed above. The Folders plugin's stubs (an optional
# dependency) are checked in a second pass against jenkinsci+cloudbees-folder-plugin, with Jenkins core for their
# supertypes, by the same tool's jar.
folder=com/cloudbees/hudson/plugins/folder
stubs=$root/jenkins-api-stubs/src/main/java
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/main" "$work/folder/$folder"
cp -r "$stubs/." "$work/main/" && rm -rf "$work/main/$folder"
cp -r "$stubs/$folder/." "$work/folder/$folder/"
status=0
(cd "$root" && "$tool" "$sources" "$work/main") || status=$?
jar=$(dirname "$(mktemp -u)")/stubcheck-build/target/stubcheck-1.jar
repo() { for g in "$sources/$1/repo" "$sources/$1" "$sources/$1/.git"; do
  git --git-dir="$g" rev-parse --verify -q HEAD >/dev/null 2>&1 && { echo "$g"; return; }; done; }
jenkins=$(repo jenkinsci+jenkins); folders=$(repo jenkinsci+cloudbees-folder-plugin)
[ -f "$jar" ] && [ -n "$jenkins" ] && [ -n "$folders" ] \
  || { echo "Folders stubs not checked: need $jar and jenkinsci+cloudbees-folder-plugin under $sources" >&2; exit 2; }
mkdir -p "$work/real/jenkins" "$work/real/folder"
git --git-dir="$jenkins" archive HEAD core/src/main/java | tar -x -C "$work/real/jenkins"
git --git-dir="$folders" archive HEAD src/main/java | tar -x -C "$work/real/folder"
java -jar "$jar" "$work/folder" "$work/real/jenkins/core/src/main/java" "$work/real/folder/src/main/java" || status=$?
exit $status
