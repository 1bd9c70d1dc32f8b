#!/usr/bin/env bash
# Runs the Neo4j JVM and ends it when the Node process that started us goes away, however it goes
# (Ctrl+C, SIGTERM, or kill -9): Node holds the write end of our stdin pipe, so EOF on it means "parent gone".
# Usage: jvm-watchdog.sh <pidfile> <java> <args...>
set -u
pidfile=$1; shift
exec 3<&0
"$@" </dev/null &
jvm=$!
echo "$jvm" > "$pidfile"
( read -r _ <&3; kill -TERM "$jvm" 2>/dev/null ) &
watcher=$!
trap 'kill -TERM "$jvm" 2>/dev/null' TERM INT
while :; do
  wait "$jvm"; code=$?
  # wait returns early when a trapped signal arrives: keep waiting until the JVM itself has exited.
  kill -0 "$jvm" 2>/dev/null || break
done
kill "$watcher" 2>/dev/null
rm -f "$pidfile"
exit "$code"
