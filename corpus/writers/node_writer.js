// Writes the Node part of the interoperability corpus with csv-stringify (the CSV writer of the
// node-csv project) and JSON.stringify. Every fixture gets NAME.expected.json with the records
// as this script handed them to the writer. Run by ../generate.sh, which installs csv-stringify
// in a temporary folder: node node_writer.js OUTDIR
'use strict';
const fs = require('fs');
const path = require('path');
const { stringify } = require('csv-stringify/sync');

const out = process.argv[2];
const version = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('csv-stringify/sync')), '..', '..', 'package.json'))).version;
const writer = `node ${process.version} csv-stringify ${version} / JSON.stringify`;

const header = ['id', 'name', 'note', 'city', 'last'];
const rows = [
  ['1', 'Ada', 'plain', 'London', 'x'],
  ['2', 'Bj\u00f6rn \u00c5str\u00f6m', 'comma, inside', 'Malm\u00f6', ''],
  ['3', 'Chlo\u00e9 "Q" Smith', 'line one\r\nline two', 'Paris', 'end'],
  ['4', '\u674e\u96f7', 'lf only\nsecond', '\u5317\u4eac', ''],
  ['5', '', '', '', ''],
  ['6', 'emoji \u{1F600} and e\u0301', ' spaces around ', 'S\u00e3o Paulo', '007'],
];

function expected(name, format, records, variant, extra) {
  const doc = Object.assign({ writer, variant, format, records }, extra || {});
  fs.writeFileSync(path.join(out, name + '.expected.json'), JSON.stringify(doc, null, 1) + '\n');
}

function asMaps(h, rs) {
  return rs.map((r) => Object.fromEntries(h.map((k, i) => [k, r[i]])));
}

function csv(name, variant, options, h = header, rs = rows, more = {}) {
  fs.writeFileSync(path.join(out, name), stringify([h, ...rs], options));
  const extra = Object.assign(options.delimiter && options.delimiter !== ',' ? { delimiter: options.delimiter } : {},
    more);
  expected(name, 'csv', asMaps(h, rs), variant, extra);
}

csv('csv-stringify-default.csv', 'stringify(rows): LF, minimal quoting, a line break after the last row', {});
// csv-stringify quotes a field only when it holds the record delimiter it writes, so with CRLF or
// CR records the bare LF inside row 4's note goes out unquoted. SPEC section 6 makes every LF a
// line break (files mix them), so that row reads as two broken rows: every reader that takes LF
// as a line break (FastCSV and Python's csv too) splits it. Recorded here, next to the writer.
const bareLf = {
  limit: 'csv-stringify leaves the bare LF in row 4 unquoted when records end with CRLF or CR; '
    + 'every LF is a line break by the reading rules, so that row is damage',
  lost_records: [3],
};
csv('csv-stringify-crlf.csv', "record_delimiter: 'windows' (CRLF)", { record_delimiter: 'windows' }, header, rows,
  bareLf);
csv('csv-stringify-cr.csv', "record_delimiter: 'mac' (CR only)", { record_delimiter: 'mac' }, header, rows, bareLf);
csv('csv-stringify-no-eof.csv', 'eof: false (no line break after the last row)', { eof: false });
csv('csv-stringify-one-row-no-eof.csv', 'eof: false, a header and one row', { eof: false },
  ['id', 'name'], [['1', 'Ada']]);
csv('csv-stringify-bom.csv', 'bom: true (a UTF-8 BOM first)', { bom: true });
csv('csv-stringify-quoted.csv', 'quoted: true, quoted_empty: true', { quoted: true, quoted_empty: true });
csv('csv-stringify-semicolon.csv', "delimiter: ';'", { delimiter: ';' });

const records = [
  { id: 1, name: 'Ada', tags: ['x', 'y'], score: 1.5, ok: true },
  { id: 2, name: 'Bj\u00f6rn', tags: [], nothing: null },
  { id: 3, name: '\u674e\u96f7 \u{1F600}', nested: { a: { b: [1, 2, 3] } }, text: 'line\r\nbreak' },
];
fs.writeFileSync(path.join(out, 'json-stringify-indent.json'), JSON.stringify(records, null, 2));
expected('json-stringify-indent.json', 'json', records, 'JSON.stringify(records, null, 2), no final newline');
fs.writeFileSync(path.join(out, 'jsonl-stringify.jsonl'), records.map((r) => JSON.stringify(r) + '\n').join(''));
expected('jsonl-stringify.jsonl', 'json_lines', records, "JSON.stringify per record + '\\n'");
