# Sourced by the CI scripts: finds a JDK 21 or newer and exports JAVA_HOME and PATH for it.
#
# JAVA_HOME if that is 21+, otherwise the newest JDK 21+ in the system's JDK folder
# (/usr/lib/jvm on Linux, /Library/Java/JavaVirtualMachines on macOS). Maven itself comes through
# the wrapper.

# Prints the major version of the JDK at $1, or nothing when it is not a JDK.
jdk_major() {
  local home=$1 version=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [ -z "$version" ]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  version=${version#1.}
  echo "${version%%[.+-]*}"
}

find_jdk() {
  if [ -n "${JAVA_HOME:-}" ]; then
    local major
    major=$(jdk_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$JAVA_HOME"
      return
    fi
    echo "JAVA_HOME=$JAVA_HOME is not a JDK 21+ (found '${major:-none}'); looking elsewhere" >&2
  fi
  local best="" best_major=0 home major
  for home in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$home" ] || continue
    major=$(jdk_major "$home")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best=$home
      best_major=$major
    fi
  done
  echo "$best"
}

JAVA_HOME=$(find_jdk)
if [ -z "$JAVA_HOME" ]; then
  echo "error: no JDK 21 or newer found: set JAVA_HOME to one, or install one under /usr/lib/jvm" >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
