#!/usr/bin/env bash
# Throughput and memory of `naqsha redact --format jsonl` on generated mixed English,
# Roman-Urdu and Urdu stories, at two input sizes (cost should be linear, memory flat).
# Usage: benches/pii/throughput.sh [path/to/naqsha]   (default: target/release/naqsha)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:-$here/../../target/release/naqsha}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# the generator's texts, each line repeated into ~1 kB stories, two corpus sizes
python3 "$here/gen_pk.py" --seed 11 --stories 2000 --neutral 2000 > "$tmp/base.jsonl"
python3 - "$tmp" <<'PY'
import json, sys, os
tmp = sys.argv[1]
lines = [json.loads(l) for l in open(os.path.join(tmp, "base.jsonl"), encoding="utf-8")]
def write(name, target):
    n, i = 0, 0
    with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
        while n < target:
            text = " ".join(lines[(i + k) % len(lines)]["text"] for k in range(6))
            line = json.dumps({"id": i, "text": text}, ensure_ascii=False)
            f.write(line + "\n")
            n += len(line.encode()) + 1
            i += 1
write("small.jsonl", 4 * 1024 * 1024)
write("large.jsonl", 16 * 1024 * 1024)
PY
for size in small large; do
  file="$tmp/$size.jsonl"
  bytes=$(stat -c %s "$file")
  for run in 1 2 3; do
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$tmp/rss" "$bin" redact --format jsonl < "$file" > "$tmp/out.jsonl"
    end=$(date +%s.%N)
    rss=$(cat "$tmp/rss")
    python3 -c "import sys; b,s,e,r=int(sys.argv[1]),float(sys.argv[2]),float(sys.argv[3]),int(sys.argv[4]); print(f'$size run $run: {b/1e6:.1f} MB in {e-s:.2f} s = {b/1e6/(e-s):.1f} MB/s, max RSS {r/1024:.1f} MiB')" "$bytes" "$start" "$end" "$rss"
  done
done
