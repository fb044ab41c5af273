"""Writes the Python part of the interoperability corpus with Python's own csv and json modules.

Every fixture gets a sibling NAME.expected.json holding the records as Python meant them:
the rows it handed to csv.writer (as header -> text maps), or the values it handed to json.
Run by ../generate.sh; usage: python3 python_writers.py OUTDIR
"""
import csv
import io
import json
import os
import sys

OUT = sys.argv[1]
WRITER = "python %d.%d.%d csv/json" % sys.version_info[:3]

HEADER = ["id", "name", "note", "city", "last"]
ROWS = [
    ["1", "Ada", "plain", "London", "x"],
    ["2", "Bj\u00f6rn \u00c5str\u00f6m", "comma, inside", "Malm\u00f6", ""],
    ["3", "Chlo\u00e9 \"Q\" Smith", "line one\r\nline two", "Paris", "end"],
    ["4", "\u674e\u96f7", "lf only\nsecond", "\u5317\u4eac", ""],
    ["5", "", "", "", ""],
    ["6", "emoji \U0001F600 and e\u0301", " spaces around ", "S\u00e3o Paulo", "007"],
    ["7", "quote\"only", "\"", "=1+2", "tail"],
]


def expected(name, fmt, records, variant, **extra):
    doc = {"writer": WRITER, "variant": variant, "format": fmt, "records": records}
    doc.update(extra)
    with open(os.path.join(OUT, name + ".expected.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")


def as_maps(header, rows):
    return [dict(zip(header, row)) for row in rows]


def write_csv(name, variant, header, rows, encoding="utf-8", **fmt):
    with open(os.path.join(OUT, name), "w", encoding=encoding, newline="") as f:
        w = csv.writer(f, **fmt)
        w.writerow(header)
        w.writerows(rows)
        delimiter = w.dialect.delimiter
    extra = {}
    if delimiter != ",":
        extra["delimiter"] = delimiter
    expected(name, "csv", as_maps(header, rows), variant, **extra)


write_csv("csv-default-crlf.csv", "csv.writer, default dialect 'excel': CRLF, minimal quoting", HEADER, ROWS)
write_csv("csv-lf.csv", "csv.writer, lineterminator='\\n'", HEADER, ROWS, lineterminator="\n")
write_csv("csv-quote-all.csv", "csv.writer, quoting=QUOTE_ALL", HEADER, ROWS, quoting=csv.QUOTE_ALL)
write_csv("csv-utf8-sig-bom.csv", "csv.writer, encoding='utf-8-sig' (Excel's 'CSV UTF-8', with a BOM)",
          HEADER, ROWS, encoding="utf-8-sig")
write_csv("csv-single-column-empty.csv", "csv.writer, one column, empty values (written as \"\")",
          ["value"], [["a"], [""], ["b"], [""]])
write_csv("csv-header-only.csv", "csv.writer, a header and no rows", HEADER, [])
LONG = "".join(chr(0x61 + i % 26) for i in range(70000))
write_csv("csv-long-fields.csv", "csv.writer, 70,000-character fields, one with a CRLF inside",
          ["id", "text", "more"], [["1", LONG, "short"], ["2", LONG[:35000] + "\r\n" + LONG[35000:], ""]])
write_csv("tsv-excel-tab.tsv", "csv.writer, dialect 'excel-tab' (tab-separated)", HEADER, ROWS,
          dialect="excel-tab")
write_csv("csv-semicolon.csv", "csv.writer, delimiter=';' (Excel's separator in much of Europe)", HEADER, ROWS,
          delimiter=";")

RECORDS = [
    {"id": 1, "name": "Ada", "tags": ["x", "y"], "score": 1.5, "ok": True},
    {"id": 2, "name": "Bj\u00f6rn \u00c5str\u00f6m", "tags": [], "score": -0.25, "ok": False, "note": None},
    {"id": 3, "name": "\u674e\u96f7 \U0001F600", "tags": ["line\r\nbreak"], "nested": {"a": {"b": [1, 2, 3]}}},
    {"id": 4, "name": "", "empty": {}, "big": 12345678901234567890, "exp": 1e-7},
]


def write_json(name, variant, data, encoding="utf-8", **kw):
    with open(os.path.join(OUT, name), "w", encoding=encoding, newline="") as f:
        json.dump(data, f, **kw)
    if isinstance(data, list):
        expected(name, "json", data, variant)
    else:
        expected(name, "json", [data], variant, single_value=True)


write_json("json-indent.json", "json.dump, indent=2, ensure_ascii=False (no final newline)", RECORDS,
           indent=2, ensure_ascii=False)
write_json("json-compact-ascii.json", "json.dump, default separators, ensure_ascii=True", RECORDS)
write_json("json-utf8-sig-bom.json", "json.dump, encoding='utf-8-sig' (a BOM, as PowerShell and Notepad write)",
           RECORDS, encoding="utf-8-sig", indent=4, ensure_ascii=False)
write_json("json-object-bom.json", "json.dump of one object (a config), encoding='utf-8-sig'",
           {"service": "api", "port": 8080, "debug": False, "hosts": ["a", "b"]}, encoding="utf-8-sig", indent=2)


def write_lines(name, variant, values, encoding="utf-8", newline="\n", final=True, bom=False):
    text = "\n".join(json.dumps(v, ensure_ascii=False) for v in values) + ("\n" if final else "")
    with open(os.path.join(OUT, name), "w", encoding=encoding, newline=newline) as f:
        if bom:
            f.write("\ufeff")
        f.write(text)
    expected(name, "json_lines", values, variant)


write_lines("jsonl-lf.jsonl", "json.dumps per line, '\\n' after each", RECORDS)
write_lines("jsonl-crlf.jsonl", "json.dumps per line, written with newline='\\r\\n' (Windows text mode)",
            RECORDS, newline="\r\n")
write_lines("jsonl-no-final-newline.jsonl", "'\\n'.join(json.dumps(v) ...): no line break after the last",
            RECORDS, final=False)
write_lines("jsonl-utf8-sig-bom.jsonl", "json.dumps per line, encoding='utf-8-sig'", RECORDS,
            encoding="utf-8-sig")
write_lines("jsonl-literal-last.jsonl", "'\\n'.join of mixed values, the last one null without a line break",
            [{"a": 1}, "text", [1, 2], True, None], final=False)

# UTF-16 with a byte order mark: Python's 'utf-16' codec writes one (then the machine's order,
# little-endian here), as do Windows tools that save "Unicode" text (PowerShell 5's Out-File).
write_json("json-utf16.json", "json.dump, encoding='utf-16' (a BOM, then UTF-16 little-endian)", RECORDS,
           encoding="utf-16", indent=2, ensure_ascii=False)
write_json("json-object-utf16.json", "json.dump of one object (a config), encoding='utf-16'",
           {"service": "api", "port": 8080, "name": "\u674e\u96f7 \U0001F600"}, encoding="utf-16", indent=2,
           ensure_ascii=False)
write_lines("jsonl-utf16.jsonl", "json.dumps per line, encoding='utf-16' (a BOM, then UTF-16 little-endian)",
            RECORDS, encoding="utf-16")
write_lines("jsonl-utf16-crlf-no-final-newline.jsonl",
            "json.dumps per line, encoding='utf-16', newline='\\r\\n', no line break after the last", RECORDS,
            encoding="utf-16", newline="\r\n", final=False)
write_lines("jsonl-utf16-be.jsonl", "'\\ufeff' + json.dumps per line, encoding='utf-16-be' (a BOM, big-endian)",
            [{"id": 1, "name": "\u674e\u96f7 \U0001F600"}, {"id": 2, "ok": True}, None], encoding="utf-16-be", bom=True)
