/** Baseline: the same table built with docx objects only (no direct XML), to compare with bench.mts. */
import { Document, Packer, Paragraph, Table, TableRow, TableCell, WidthType, TableLayoutType } from 'docx';
const rows = Number(process.argv[2] ?? 3321);
const cols = 10;
const t0 = performance.now();
const mk = (txt: string, w: number, style: string) => new TableCell({ width: { size: w, type: WidthType.DXA }, children: [new Paragraph({ style, text: txt })] });
const trs: TableRow[] = [];
trs.push(new TableRow({ tableHeader: true, children: Array.from({ length: cols }, (_, c) => mk('H' + c, 1000, 'TH')) }));
for (let r = 0; r < rows; r++) trs.push(new TableRow({ children: Array.from({ length: cols }, (_, c) => mk(c === 1 ? 'UBND xã Ea Ly ' + r : (r * 1.37 + c).toFixed(2).replace('.', ','), 1000, 'TR')) }));
const table = new Table({ rows: trs, columnWidths: Array(cols).fill(1000), layout: TableLayoutType.FIXED });
const doc = new Document({ sections: [{ children: [table] }], styles: { paragraphStyles: [{ id: 'TH', name: 'TH', run: { bold: true } }, { id: 'TR', name: 'TR' }] } });
const t1 = performance.now();
const buf = await Packer.toBuffer(doc);
const t2 = performance.now();
console.log({ rows, build: Math.round(t1 - t0), pack: Math.round(t2 - t1), size: buf.length, rssMB: Math.round(process.memoryUsage().rss / 1e6), heapMB: Math.round(process.memoryUsage().heapUsed / 1e6) });
