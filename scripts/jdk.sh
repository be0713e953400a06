# shellcheck shell=bash
# Finds a JDK 21 or newer for landcover4j's scripts. Source it, then call lc_find_jdk.
# Order (CLI.md): JAVA_HOME, then `java` on PATH, then the newest under /usr/lib/jvm/*
# (LANDCOVER_JVM_DIR names another folder to search, for testing the failure path).
# On success sets LC_JAVA_HOME and LC_JAVA_MAJOR; on failure prints what to install and returns 1.

lc_java_major() { # $1 = path to a java executable; prints its feature version or nothing
  local v release
  # the JDK's release file names its version without starting a JVM (each start costs ~50 ms)
  release="$(dirname "$(dirname "$1")")/release"
  if [ -f "$release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9.]*\).*/\1/p' "$release" | head -n 1)
    case "$v" in 1.*) v=${v#1.} ;; esac
    v=${v%%.*}
    if [[ "$v" =~ ^[0-9]+$ ]]; then
      echo "$v"
      return 0
    fi
  fi
  v=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1)
  case "$v" in 1.*) v=${v#1.}; v=${v%%.*} ;; esac
  [[ "$v" =~ ^[0-9]+$ ]] && echo "$v"
}

lc_try_home() { # $1 = candidate JAVA_HOME; succeeds if it holds a JDK (java + javac) >= 21
  local home=$1 major
  [ -n "$home" ] && [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  major=$(lc_java_major "$home/bin/java") || return 1
  [ -n "$major" ] && [ "$major" -ge 21 ] || return 1
  LC_JAVA_HOME=$home
  LC_JAVA_MAJOR=$major
}

lc_find_jdk() {
  local candidate best="" best_major=0 major
  if lc_try_home "${JAVA_HOME:-}"; then return 0; fi
  if command -v java >/dev/null 2>&1; then
    candidate=$(readlink -f "$(command -v java)")
    if lc_try_home "$(dirname "$(dirname "$candidate")")"; then return 0; fi
  fi
  for candidate in "${LANDCOVER_JVM_DIR:-/usr/lib/jvm}"/*; do
    [ -d "$candidate" ] || continue
    if lc_try_home "$candidate" && [ "$LC_JAVA_MAJOR" -gt "$best_major" ]; then
      best=$LC_JAVA_HOME
      best_major=$LC_JAVA_MAJOR
    fi
  done
  if [ -n "$best" ]; then
    LC_JAVA_HOME=$best
    LC_JAVA_MAJOR=$best_major
    return 0
  fi
  {
    echo "landcover4j needs a JDK 21 or newer (it is built and tested on JDK 25), and none was found"
    echo "  (looked at JAVA_HOME=${JAVA_HOME:-<unset>}, 'java' on PATH, and ${LANDCOVER_JVM_DIR:-/usr/lib/jvm}/*)."
    echo "  Install one, for example: sudo apt-get install openjdk-21-jdk-headless"
    echo "  (or a Temurin 25 JDK), or set JAVA_HOME to a JDK 21+."
  } >&2
  return 1
}

# JVM flags landcover4j wants at run time: the Vector API module, and what Apache Arrow needs on JDK 25.
lc_runtime_flags() {
  LC_JVM_FLAGS=(--add-modules jdk.incubator.vector --add-opens=java.base/java.nio=ALL-UNNAMED)
  if [ "${LC_JAVA_MAJOR:-0}" -ge 23 ]; then
    LC_JVM_FLAGS+=(--sun-misc-unsafe-memory-access=allow)
  fi
}

# Maven on a JDK >= 23 prints sun.misc.Unsafe warnings from its own libraries unless told otherwise.
lc_maven_env() {
  export JAVA_HOME=$LC_JAVA_HOME
  if [ "${LC_JAVA_MAJOR:-0}" -ge 23 ]; then
    case " ${MAVEN_OPTS:-} " in
      *"--sun-misc-unsafe-memory-access"*) ;;
      *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
    esac
  fi
  if ! command -v mvn >/dev/null 2>&1; then
    echo "landcover4j builds with Apache Maven 3.8.7 or newer, and 'mvn' is not on PATH." >&2
    echo "  Install it, for example: sudo apt-get install maven" >&2
    return 1
  fi
}
