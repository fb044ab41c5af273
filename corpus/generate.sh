#!/usr/bin/env bash
# Regenerates the interoperability corpus: files written by the programs people use, each with
# NAME.expected.json, the records as the writing program meant them (written by that program or
# by the script that drove it). CI does not run this: the tests read the committed files.
#
# Needs: python3, node + npm (csv-stringify is installed into a temporary folder), jq, java 17
# with Jackson 3 and FastCSV 4 in ~/.m2 (any build of the project downloads them), and
# LibreOffice Calc (Debian: apt-get install -y libreoffice-calc-nogui jq).
# Usage: corpus/generate.sh   (from anywhere; rewrites corpus/files/)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$here/files"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
rm -rf "$out"
mkdir -p "$out"/{python,node,java,libreoffice,jq,printf}

echo "python: csv and json modules"
python3 "$here/writers/python_writers.py" "$out/python"

echo "node: csv-stringify and JSON.stringify"
(cd "$tmp" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund csv-stringify >/dev/null)
NODE_PATH="$tmp/node_modules" node "$here/writers/node_writer.js" "$out/node"

echo "java: Jackson and FastCSV, the versions the project pins"
prop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$root/pom.xml" | head -1; }
jackson="$(prop jackson.version)"
fastcsv="$(prop fastcsv.version)"
m2="${MAVEN_REPO:-$HOME/.m2/repository}"
annotations="$(ls -d "$m2"/com/fasterxml/jackson/core/jackson-annotations/2.* | sort -V | tail -1)"
cp="$m2/tools/jackson/core/jackson-databind/$jackson/jackson-databind-$jackson.jar"
cp="$cp:$m2/tools/jackson/core/jackson-core/$jackson/jackson-core-$jackson.jar"
cp="$cp:$(ls "$annotations"/*.jar | head -1)"
cp="$cp:$m2/de/siegmar/fastcsv/$fastcsv/fastcsv-$fastcsv.jar"
java -Dfastcsv.version="$fastcsv" -cp "$cp" "$here/writers/JavaWriters.java" "$out/java"

echo "libreoffice: soffice --convert-to csv"
python3 "$here/writers/libreoffice.py" "$out/libreoffice"

echo "jq: JSON Lines and JSON"
jqv="$(jq --version)"
input='[{"id":1,"name":"Ada","tags":["x","y"],"ok":true},{"id":2,"name":"Bj\u00f6rn \ud83d\ude00","note":null,"nested":{"a":[1,2.5]}},{"id":3,"name":"","text":"line\r\nbreak"}]'
jqcase() { # name variant filter [jq options...]
  local name="$1" variant="$2" filter="$3"; shift 3
  printf '%s' "$input" | jq "$@" "$filter" > "$out/jq/$name"
  printf '%s' "$input" | jq --arg w "$jqv" --arg v "$variant" --arg f "$( [[ $name == *.jsonl ]] && echo json_lines || echo json )" \
    '{writer: $w, variant: $v, format: $f, records: .}' > "$out/jq/$name.expected.json"
}
jqcase jq-compact.jsonl "jq -c '.[]'" '.[]' -c
jqcase jq-crlf.jsonl "jq -j '.[] | tojson + \"\\r\\n\"'" '.[] | tojson + "\r\n"' -j
jqcase jq-no-final-newline.jsonl "jq -j '[.[] | tojson] | join(\"\\n\")'" '[.[] | tojson] | join("\n")' -j
jqcase jq-pretty.json "jq '.'" '.'

echo "printf: files typed by hand, as editors and shell scripts write them"
pcase() { # name format records-json printf-format
  printf "$4" > "$out/printf/$1"
  jq -n --arg w "printf (bash $BASH_VERSION)" --arg v "printf '$4'" --arg f "$2" --argjson r "$3" \
    '{writer: $w, variant: $v, format: $f, records: $r}' > "$out/printf/$1.expected.json"
}
pcase no-final-newline.csv csv '[{"name":"Ada","city":"London"},{"name":"Lin","city":"Taipei, TW"}]' \
  'name,city\nAda,London\nLin,"Taipei, TW"'
pcase one-row-no-final-newline.csv csv '[{"id":"1","name":"Ada"}]' 'id,name\n1,Ada'
pcase crlf-no-final-newline.csv csv '[{"a":"1","b":""},{"a":"2","b":"x"}]' 'a,b\r\n1,\r\n2,x'
pcase cr-line-ends.csv csv '[{"a":"1","b":"two\rlines"},{"a":"3","b":"4"}]' 'a,b\r1,"two\rlines"\r3,4\r'
pcase quoted-last-no-final-newline.csv csv '[{"a":"1","b":"x\ny"}]' 'a,b\n1,"x\ny"'
pcase no-final-newline.jsonl json_lines '[{"a":1},{"a":2}]' '{"a":1}\n{"a":2}'
pcase literal-last.jsonl json_lines '[{"a":1},true]' '{"a":1}\ntrue'
pcase cr-line-ends.jsonl json_lines '[{"a":1},"b",[3]]' '{"a":1}\r"b"\r[3]\r'
pcase no-final-newline.json json '[{"a":1}]' '[{"a":1}]'

echo "wrote $(find "$out" -type f ! -name '*.expected.json' | wc -l) files to $out"
