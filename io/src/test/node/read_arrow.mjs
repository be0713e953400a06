// Prints an Arrow IPC file as JSON (schema, row count, batches, rows) using apache-arrow for JavaScript, an
// Arrow implementation independent of the Java one that wrote the file. Used by landcover4j's interop tests:
//   node read_arrow.mjs FILE.arrow
import { readFileSync } from 'node:fs';
import { tableFromIPC, DataType } from 'apache-arrow';

const table = tableFromIPC(readFileSync(process.argv[2]));

function plain(v, type) {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString('hex');
  if (type && DataType.isMap(type)) {
    const [keyField, valueField] = type.children[0].type.children;
    return Object.fromEntries([...v].map(([k, x]) => [String(plain(k, keyField.type)), plain(x, valueField.type)]));
  }
  if (typeof v === 'number' && Number.isNaN(v)) return 'NaN';
  return v;
}

const rows = [];
for (let i = 0; i < table.numRows; i++) {
  const row = {};
  for (const f of table.schema.fields) {
    row[f.name] = plain(table.getChild(f.name).get(i), f.type);
  }
  rows.push(row);
}
console.log(JSON.stringify({
  fields: table.schema.fields.map(f => ({ name: f.name, type: String(f.type), nullable: f.nullable,
    metadata: Object.fromEntries(f.metadata) })),
  num_rows: table.numRows,
  batches: table.batches.length,
  rows,
}));
