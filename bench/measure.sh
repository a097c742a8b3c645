# Sourced by the benchmarks: measure CMD... prints "WALL_MS CPU_MS" of one run (CPU = user + system);
# median reads numbers, one a line, and prints their median.
measure() {
  local TIMEFORMAT='%R %U %S' t
  t=$( { time "$@" >/dev/null 2>&1; } 2>&1 )
  awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' <<<"$t"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# needs_tools HERE: the packaged jar with its class data archive (made if missing), and Debian's Hugo.
needs_tools() {
  [ -f "$1/target/weekly-archive.jar" ] && [ -f "$1/target/weekly-archive.jsa" ] \
    || (cd "$1" && ./mvnw -B -q package -DskipTests)
  command -v hugo >/dev/null || { echo "needs Debian's hugo package: apt-get install hugo" >&2; exit 1; }
}
