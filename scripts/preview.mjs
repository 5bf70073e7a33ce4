// npm run preview: every document kind generated from the fixtures, as the office's reviewer sees it:
// .docx → PDF (LibreOffice) → PNG pages at 80 dpi, in out/preview/KIND/ (page-1.png, page-2.png, ...),
// with out/preview/index.html showing them all. Needs soffice (LibreOffice) and pdftoppm (poppler-utils).
// Options: --out DIR (default out/preview), --dpi N (default 80), --only KIND[,KIND...],
// --first-page-to FILE (copy page 1 of the one document made, e.g. the README's picture:
// npm run readme-picture). Plain Node, no shell commands, so it runs the same from cmd and PowerShell.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const repo = resolve(import.meta.dirname, '..');
const bin = join(repo, 'bin/dakindex.cjs');
/** Each kind with the command that writes it from the fixtures (README.md); the tests use the same list. */
const KINDS = JSON.parse(readFileSync(join(repo, 'scripts/document-kinds.json'), 'utf8'));

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'out/preview' },
    dpi: { type: 'string', default: '80' },
    only: { type: 'string' },
    'first-page-to': { type: 'string' },
  },
});
const outRoot = resolve(repo, values.out);
const only = values.only ? new Set(values.only.split(',')) : null;
const kinds = KINDS.filter((k) => !only || only.has(k.kind));
if (only && kinds.length !== only.size) {
  console.error(`--only: loại không rõ; có: ${KINDS.map((k) => k.kind).join(', ')}`);
  process.exit(2);
}

if (values['first-page-to'] && kinds.length !== 1) {
  console.error('--first-page-to: cần đúng một loại văn bản (--only LOẠI).');
  process.exit(2);
}

for (const [tool, pkg] of [['soffice', 'LibreOffice'], ['pdftoppm', 'poppler-utils']]) {
  if (spawnSync(tool, ['--version'], { stdio: 'ignore' }).error) {
    console.error(`Cần ${tool} (${pkg}) để xem trước văn bản.`);
    process.exit(1);
  }
}
if (!existsSync(bin)) {
  console.error('Chưa có dist/dakindex.cjs: chạy npm run build (npm run preview tự build).');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'dakindex-preview-'));
// A LibreOffice profile of our own, so an open LibreOffice window does not swallow the conversion.
const profile = pathToFileURL(join(work, 'profile')).href;
const summary = [];

for (const { kind, title, args } of kinds) {
  const dir = join(outRoot, kind);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const docxDir = join(work, kind);
  const r = spawnSync(process.execPath, [bin, ...args, '--out', docxDir], { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`${kind}: dakindex ${args.join(' ')} thoát với mã ${r.status}\n${r.stderr}`);
    process.exit(1);
  }
  if (r.stderr.trim()) console.error(`${kind}:\n${r.stderr.trim()}`);
  const docs = readdirSync(docxDir).filter((f) => f.endsWith('.docx')).sort();
  for (const name of docs) {
    const stem = name.replace(/\.docx$/, '');
    // One folder per kind; a second document of a kind (low-score --separate) gets a sub-folder.
    const target = docs.length === 1 ? dir : join(dir, stem);
    mkdirSync(target, { recursive: true });
    renameSync(join(docxDir, name), join(target, name));
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', target, join(target, name)], {
      stdio: 'pipe',
      timeout: 300_000,
    });
    const pdf = join(target, `${stem}.pdf`);
    if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${name}`);
    execFileSync('pdftoppm', ['-png', '-r', values.dpi, pdf, join(target, 'page')]);
    // pdftoppm pads page numbers to the page count's width (page-01.png); page-1.png reads better.
    const pages = readdirSync(target)
      .map((f) => /^page-0*(\d+)\.png$/.exec(f))
      .filter(Boolean)
      .map((m) => {
        const to = `page-${Number(m[1])}.png`;
        if (m[0] !== to) renameSync(join(target, m[0]), join(target, to));
        return { n: Number(m[1]), file: join(target, to) };
      })
      .sort((a, b) => a.n - b.n);
    summary.push({ kind, title, docx: join(target, name), pages });
    console.log(`${kind}: ${relative(repo, join(target, name))}, ${pages.length} trang → ${relative(repo, target)}/page-N.png`);
  }
}
rmSync(work, { recursive: true, force: true });

const html = [
  '<!doctype html><meta charset="utf-8"><title>dakindex: xem trước</title>',
  '<style>body{font-family:sans-serif;background:#ddd}figure{display:inline-block;margin:8px;vertical-align:top}img{background:#fff;box-shadow:0 1px 4px #888}</style>',
  ...summary.map(
    (s) =>
      `<h2>${s.title} <small>(${relative(outRoot, s.docx)})</small></h2>` +
      s.pages.map((p) => `<figure><img src="${relative(outRoot, p.file)}"><figcaption>${s.kind} trang ${p.n}</figcaption></figure>`).join(''),
  ),
].join('\n');
writeFileSync(join(outRoot, 'index.html'), html);
if (values['first-page-to']) {
  if (summary.length !== 1) {
    console.error(`--first-page-to: ${kinds[0].kind} tạo ${summary.length} văn bản, cần đúng một.`);
    process.exit(1);
  }
  const to = resolve(repo, values['first-page-to']);
  mkdirSync(join(to, '..'), { recursive: true });
  copyFileSync(summary[0].pages[0].file, to);
  console.log(`Trang 1 → ${relative(repo, to)}`);
}
console.log(`Mở ${relative(repo, join(outRoot, 'index.html'))} để xem tất cả các trang.`);
