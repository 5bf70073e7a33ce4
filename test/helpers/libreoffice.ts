import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Converts a .docx to PDF with LibreOffice, in a profile of its own so parallel runs don't collide. */
export function toPdf(docx: string): string {
  const out = mkdtempSync(join(tmpdir(), 'dakindex-pdf-'));
  const profile = pathToFileURL(join(out, 'profile')).href;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, docx], {
    stdio: 'pipe',
    timeout: 180_000,
  });
  const pdf = readdirSync(out).find((f) => f === basename(docx).replace(/\.docx$/, '.pdf'));
  if (!pdf) throw new Error(`LibreOffice wrote no PDF for ${docx}`);
  return join(out, pdf);
}

export function pdfPages(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** The text of pages `from`..`to` (1-based), laid out as on the page. */
export function pdfText(pdf: string, from?: number, to?: number): string {
  const range = from ? ['-f', String(from), '-l', String(to ?? from)] : [];
  return execFileSync('pdftotext', ['-layout', ...range, pdf, '-'], { encoding: 'utf8' });
}

/** Converts several .docx to PDF in one LibreOffice run (faster than one run each); the PDFs in order. */
export function toPdfs(docxFiles: readonly string[]): string[] {
  const out = mkdtempSync(join(tmpdir(), 'dakindex-pdf-'));
  const profile = pathToFileURL(join(out, 'profile')).href;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...docxFiles], {
    stdio: 'pipe',
    timeout: 300_000,
  });
  return docxFiles.map((f) => {
    const pdf = join(out, basename(f).replace(/\.docx$/, '.pdf'));
    if (!readdirSync(out).includes(basename(pdf))) throw new Error(`LibreOffice wrote no PDF for ${f}`);
    return pdf;
  });
}

/** The words of a page with their boxes (pdftotext -bbox), in points from the page's top left. */
export function pdfWords(pdf: string, page: number): { text: string; yMax: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[2]!,
    yMax: Number(m[1]),
  }));
}
