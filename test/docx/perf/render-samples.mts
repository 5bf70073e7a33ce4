import { mkdirSync, writeFileSync } from 'node:fs';
import { renderDocx } from '../../../src/io/docx/render.js';
import { baoCaoModel, congVanModel } from '../sample-model.js';
const out = process.argv[2] ?? '/tmp/x';
mkdirSync(out, { recursive: true });
writeFileSync(`${out}/bao-cao.docx`, await renderDocx(baoCaoModel()));
writeFileSync(`${out}/cong-van.docx`, await renderDocx(congVanModel()));
console.log('written', out);
