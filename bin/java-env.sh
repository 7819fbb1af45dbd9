# Sourced by bin/* and .ci/run: picks a Java 21+ JDK and sets JAVA_HOME and JVM flags.
# Prefers $JAVA_HOME when it is new enough, else Temurin 25 where this project's machines have it.
fulcrum_java_ok() { [ -x "$1/bin/java" ] && "$1/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; }
if [ -z "${JAVA_HOME:-}" ] || ! fulcrum_java_ok "$JAVA_HOME"; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
      /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    if fulcrum_java_ok "$candidate"; then export JAVA_HOME="$candidate"; break; fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || ! fulcrum_java_ok "$JAVA_HOME"; then
  echo "fulcrum: needs Java 21 or newer; install one and set JAVA_HOME" >&2; exit 1
fi
export PATH="$JAVA_HOME/bin:$PATH"
# Java 25 warns about Unsafe and native access used by Netty and ONNX Runtime; allow them quietly.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
FULCRUM_JAVA_OPTS="${FULCRUM_JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -XX:+UseParallelGC"
