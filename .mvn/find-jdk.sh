# Sourced by ./mvnw and ./mamori: finds a JDK >= 21 and exports JAVA_HOME.
# Order: $JAVA_HOME, java on PATH, then the usual JDK locations.

mamori_java_feature() {
  # prints the feature release (17, 21, 25…) of the java binary given: from the JDK's release file when it has
  # one (no JVM started), else by asking the JVM
  release="${1%/bin/java}/release"
  if [ -f "$release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9]*\).*/\1/p' "$release" | head -n 1)
    if [ -n "$v" ] && [ "$v" != 1 ]; then
      echo "$v"
      return 0
    fi
  fi
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = //p' | head -n 1
}

mamori_find_jdk() {
  min=21
  candidates=""
  [ -n "${JAVA_HOME:-}" ] && candidates="$JAVA_HOME"
  if command -v java >/dev/null 2>&1; then
    onpath=$(command -v java)
    onpath=$(readlink -f "$onpath" 2>/dev/null || echo "$onpath")
    candidates="$candidates ${onpath%/bin/java}"
  fi
  for d in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home \
           "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$d" ] && candidates="$candidates $d"
  done
  for home in $candidates; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    feature=$(mamori_java_feature "$home/bin/java")
    case "$feature" in ''|*[!0-9]*) continue ;; esac
    if [ "$feature" -ge "$min" ]; then
      JAVA_HOME="$home"
      export JAVA_HOME
      return 0
    fi
  done
  echo "mamori: no JDK $min or newer found (looked at JAVA_HOME, java on PATH and /usr/lib/jvm, /usr/java, /opt)." >&2
  echo "mamori: install a JDK >= $min and set JAVA_HOME to it." >&2
  return 1
}
