#!/bin/sh
# Cold start with and without the AppCDS archive that the launchers write: the median CPU and wall time of
# `opta-migrate --version` as a whole process, RUNS times each, alternating. Build first:
#   ./mvnw -B -q -DskipTests package && sh benchmarks/cds-startup.sh
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$root"/dist/target/opta-migrate-*-dist.tar.gz -C "$work"
home=$(echo "$work"/opta-migrate-*)
"$home/bin/opta-migrate" --version >/dev/null   # the first run writes lib/opta-migrate.jsa
measure() {
  i=0
  while [ "$i" -lt "$runs" ]; do
    /usr/bin/time -f '%U %S %e' java "$1" -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$home/lib/*" \
      dev.optamigrate.cli.Main --version 2>&1 >/dev/null | tail -n 1
    i=$((i + 1))
  done | awk -v label="$2" '{ cpu[NR] = $1 + $2; wall[NR] = $3 }
    END {
      for (i = 1; i <= NR; i++) for (j = i + 1; j <= NR; j++) {
        if (cpu[j] < cpu[i]) { t = cpu[i]; cpu[i] = cpu[j]; cpu[j] = t }
        if (wall[j] < wall[i]) { t = wall[i]; wall[i] = wall[j]; wall[j] = t }
      }
      m = int((NR + 1) / 2); printf "%-26s median CPU %.2f s, median wall %.2f s (%d runs)\n", label, cpu[m], wall[m], NR
    }'
}
measure -Xshare:auto "--version, JDK archive only"
measure "-XX:SharedArchiveFile=$home/lib/opta-migrate.jsa" "--version, AppCDS archive"
