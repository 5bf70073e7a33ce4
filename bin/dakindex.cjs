#!/usr/bin/env node
'use strict';
// Starts the CLI from its one-file bundle (dist/dakindex.cjs, built on install) with a V8 code
// cache beside it, so a run does not spend its time loading and compiling modules: a weekly
// report is a fraction of a second. The cache is written after the first run where the folder
// allows it, and rebuilt whenever V8 rejects it (another Node version) or the bundle changed.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const bundle = path.join(__dirname, '..', 'dist', 'dakindex.cjs');
const cacheFile = `${bundle}.cache`;
let bytes;
try {
  bytes = fs.readFileSync(bundle);
} catch {
  process.stderr.write('dakindex chưa được build: chạy "npm install" (hoặc "npm run build") trong thư mục dự án.\n');
  process.exit(70);
}
const source = bytes.toString('utf8');
// V8 checks a cache against the source's length only: a rebuilt bundle of the same length would run
// the old code. The cache file therefore starts with the bundle's digest (sha1: not for security,
// 2 ms on the bundle).
const digest = crypto.createHash('sha1').update(bytes).digest();
let cachedData;
try {
  const file = fs.readFileSync(cacheFile);
  if (file.subarray(0, digest.length).equals(digest)) cachedData = file.subarray(digest.length);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
const mod = { exports: {} };
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
// Commands load their libraries (docx, Handlebars) on demand, so a cache written after a short run
// (`dakindex --help`) lacks them: a run long enough to have compiled more writes the cache again
// when it has grown. Short runs never pay for serialising it.
const GROWTH_CHECK_AFTER_MS = 200;
process.once('exit', () => {
  let data;
  if (cachedData === undefined || script.cachedDataRejected) data = script.createCachedData();
  else if (performance.now() > GROWTH_CHECK_AFTER_MS) {
    data = script.createCachedData();
    if (data.length <= cachedData.length + 1024) return;
  } else return;
  const tmp = `${cacheFile}.${process.pid}`;
  try {
    fs.writeFileSync(tmp, Buffer.concat([digest, data]));
    fs.renameSync(tmp, cacheFile);
  } catch {
    // A read-only install runs without the cache; on Windows another run may hold the cache open.
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // Nothing was written.
    }
  }
});
mod.exports.main(process.argv);
