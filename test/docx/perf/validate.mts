import { readFileSync } from 'node:fs';
import { validateDocx } from '../../helpers/ooxml-validate.js';
for (const f of process.argv.slice(2)) console.log(f, validateDocx(readFileSync(f)));
