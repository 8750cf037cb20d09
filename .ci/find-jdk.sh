# Sourced by ./vtl, ./mvnw and .ci/run: makes JAVA_HOME point at a JDK 25 or newer.
# Keeps a JAVA_HOME that is already new enough; otherwise looks at `java` on PATH, then /usr/lib/jvm/*.
vtl_java_feature() { # prints the feature release of the java binary $1, or 0
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -1
}
vtl_find_jdk() {
  local candidate v
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" $(find /usr/lib/jvm -mindepth 1 -maxdepth 1 2>/dev/null | sort); do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    v=$(vtl_java_feature "$candidate/bin/java")
    if [ "${v:-0}" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "vtl: no JDK 25 or newer found (looked at JAVA_HOME, java on PATH and /usr/lib/jvm); install one and set JAVA_HOME" >&2
  return 1
}
