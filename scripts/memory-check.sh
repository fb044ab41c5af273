#!/usr/bin/env bash
# Checks that verify and recover run in constant memory: generates a JSON array, a JSON Lines
# and a CSV file of SIZE_MIB MiB each (default 1024), then runs `verify` and `recover` on each
# with a 64 MiB heap, and prints the time and the peak resident memory of every run.
# Not part of CI (it writes 3 GiB and takes minutes). Usage: scripts/memory-check.sh [DIR] [SIZE_MIB]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-${TMPDIR:-/tmp}/hydra-memory-check}"
size_mib="${2:-1024}"
jar="$root/cli/target/hydra-fallbacks-cli-all.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -o -DskipTests -pl cli -am package)
mkdir -p "$dir"

python3 - "$dir" "$size_mib" <<'PY'
import os, sys
folder, size = sys.argv[1], int(sys.argv[2]) * 1024 * 1024
def rec(i):
    return ('{"id":%d,"name":"user%d","email":"user%d@example.com","score":%s,"active":%s,'
            '"tags":["a","b"],"meta":{"k":%d}}' % (i, i, i, repr(i * 1.5), "true" if i % 2 == 0 else "false", i))
def write(name, head, line, sep, tail):
    path = os.path.join(folder, name)
    if os.path.exists(path) and os.path.getsize(path) >= size:
        return
    with open(path, "w", buffering=1 << 20) as f:
        f.write(head)
        written, i, chunk = len(head), 0, []
        while written < size:
            text = (sep if i else "") + line(i)
            chunk.append(text); written += len(text); i += 1
            if len(chunk) == 10000:
                f.write("".join(chunk)); chunk = []
        f.write("".join(chunk)); f.write(tail)
write("big.json", "[", rec, ",", "]")
write("big.jsonl", "", lambda i: rec(i) + "\n", "", "")
write("big.csv", "id,name,email,score,active,tags,meta.k\n",
      lambda i: '%d,user%d,user%d@example.com,%s,%s,"[""a"",""b""]",%d\n'
      % (i, i, i, repr(i * 1.5), "true" if i % 2 == 0 else "false", i), "", "")
PY

run() {
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$dir/time.txt" java -Xmx64m -jar "$jar" --quiet "$@" > /dev/null
  read -r seconds kib < "$dir/time.txt"
  printf '%-28s %8.1f s %8d MiB peak RSS\n' "$label" "$seconds" $((kib / 1024))
}
for file in big.json big.jsonl big.csv; do
  printf '%-28s %d MiB\n' "$file" $(( $(stat -c %s "$dir/$file") / 1024 / 1024 ))
  run "verify $file" verify "$dir/$file"
  run "recover $file > /dev/null" recover "$dir/$file"
done
