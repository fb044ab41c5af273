"""Writes the spreadsheet part of the interoperability corpus with LibreOffice Calc.

The cells are put into a flat OpenDocument spreadsheet (.fods) as text cells, then LibreOffice
itself exports it to CSV with the filter options named per file; NAME.expected.json holds the
cells as the sheet holds them (header row -> text). Cell line breaks are LF inside a sheet.
Run by ../generate.sh: python3 libreoffice.py OUTDIR
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

OUT = sys.argv[1]
VERSION = subprocess.run(["soffice", "--version"], capture_output=True, text=True).stdout.strip()
HEADER = ["id", "name", "note", "city", "last"]
ROWS = [
    ["1", "Ada", "plain", "London", "x"],
    ["2", "Bj\u00f6rn \u00c5str\u00f6m", "comma, inside", "Malm\u00f6", ""],
    ["3", "Chlo\u00e9 \"Q\" Smith", "line one\nline two", "Paris", "end"],
    ["4", "\u674e\u96f7", "semi;colon", "\u5317\u4eac", ""],
    ["5", "", "", "", ""],
    ["6", "emoji \U0001F600", "tab\there", "S\u00e3o Paulo", "007"],
]


def cell(text):
    if text == "":
        return "<table:table-cell/>"
    paragraphs = "".join("<text:p>%s</text:p>" % escape(p) for p in text.split("\n"))
    return '<table:table-cell office:value-type="string" calcext:value-type="string">%s</table:table-cell>' % paragraphs


def fods(rows):
    body = "".join("<table:table-row>%s</table:table-row>" % "".join(cell(c) for c in row) for row in rows)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
            'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
            '<office:body><office:spreadsheet><table:table table:name="Sheet1">'
            '<table:table-column table:number-columns-repeated="%d"/>%s'
            '</table:table></office:spreadsheet></office:body></office:document>\n') % (len(rows[0]), body)


# name, filter options (separator, text delimiter, charset, first line, column info, language,
# quote all text, numbers as such, save as shown), extension, what the options mean, extra expectations
VARIANTS = [
    ("lo-utf8-quote-all.csv", "44,34,76,1", "UTF-8, ',' and '\"' (old 4-token options: every text cell quoted)", {}),
    ("lo-utf8-minimal.csv", "44,34,76,1,,0,false,true,true", "UTF-8, ',', quotes only where needed", {}),
    ("lo-semicolon.csv", "59,34,76,1,,0,false,true,true", "UTF-8, ';' as separator", {"delimiter": ";"}),
    ("lo-utf16.csv", "44,34,65535,1,,0,false,true,true", "'Unicode' (UTF-16 little-endian with a BOM)",
     {"charset": "UTF-16"}),
    ("lo-tab.tsv", "9,34,76,1,,0,false,true,true", "UTF-8, tab as separator", {"delimiter": "\t"}),
]

work = tempfile.mkdtemp(prefix="lo-corpus-")
try:
    source = os.path.join(work, "sheet.fods")
    with open(source, "w", encoding="utf-8") as f:
        f.write(fods([HEADER] + ROWS))
    for name, options, meaning, extra in VARIANTS:
        subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + work + "/profile",
                        "--convert-to", "csv:Text - txt - csv (StarCalc):" + options, "--outdir", work, source],
                       check=True, capture_output=True)
        shutil.move(os.path.join(work, "sheet.csv"), os.path.join(OUT, name))
        doc = {"writer": VERSION, "variant": "soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):%s': %s"
               % (options, meaning), "format": "csv", "records": [dict(zip(HEADER, r)) for r in ROWS]}
        doc.update(extra)
        with open(os.path.join(OUT, name + ".expected.json"), "w", encoding="utf-8", newline="\n") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
            f.write("\n")
finally:
    shutil.rmtree(work, ignore_errors=True)
