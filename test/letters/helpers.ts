import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { dakindex, tempDir, type CliResult } from '../helpers/cli.js';
import { first, kids, paragraphProps, runProps, textOf, type XmlElement } from '../helpers/docx-xml.js';
import { docxText, normalize, type DocxText } from '../helpers/seeds.js';

export interface Letter {
  files: string[];
  docs: DocxText[];
  out: string;
  result: CliResult;
}

/** Runs `dakindex letter ...args --out TMP` in-process; expects success; opens every written .docx. */
export async function letter(args: string[]): Promise<Letter> {
  const out = tempDir('dakindex-letter-');
  const result = await dakindex(['letter', ...args, '--out', out]);
  expect(result.stderr + result.stdout).not.toMatch(/Lỗi không mong đợi/);
  expect(result.code, result.stderr).toBe(0);
  const files = readdirSync(out)
    .filter((f) => f.endsWith('.docx'))
    .sort()
    .map((f) => join(out, f));
  return { files, docs: files.map((f) => docxText(readFileSync(f))), out, result };
}

/** The docx files of a folder (none after a failed run). */
export function docxFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.docx'));
}

/** Asserts that a sentence stands in the seed and in the generated document alike. */
export function expectBoth(seed: string, doc: DocxText, sentence: string): void {
  const s = normalize(sentence);
  expect(seed, 'seed text').toContain(s);
  expect(doc.text, 'generated text').toContain(s);
}

/** The paragraphs between the Kính gửi block and "Nơi nhận:": the letter's content. */
export function bodyParagraphs(doc: DocxText): string[] {
  const p = doc.paragraphs;
  const start = p.findIndex((t) => t === 'Kính gửi:');
  const end = p.indexOf('Nơi nhận:');
  const after = p.slice(start + 1, end).filter((t) => t.trim() !== '');
  return after.filter((t) => !t.startsWith('- '));
}

/** The header table's cells of row `row` (0: agencies and Quốc hiệu; 1: Số and date). */
export function headerCells(doc: DocxText, row: number): XmlElement[] {
  const table = kids(doc.docx.body, 'w:tbl')[0]!;
  return kids(kids(table, 'w:tr')[row]!, 'w:tc');
}

/**
 * The V/v lines under Số in the header's left cell, with their checks: 12–13 pt, neither bold nor
 * italic, centred. Returns their text.
 */
export function expectSubjectUnderNumber(doc: DocxText, number: string): string[] {
  const [so, ...subject] = kids(headerCells(doc, 1)[0]!, 'w:p');
  expect(textOf(so!)).toBe(number);
  expect(subject.length).toBeGreaterThan(0);
  for (const p of subject) {
    const r = runProps(doc.docx.styles, first(p, 'w:r')!);
    expect([24, 26]).toContain(r.size);
    expect(r.bold ?? false).toBe(false);
    expect(r.italic ?? false).toBe(false);
    expect(paragraphProps(doc.docx.styles, p).align).toBe('center');
  }
  return subject.map(textOf);
}

/** Footnote references in the body, in order, and the footnotes' ids. */
export function footnoteIds(doc: DocxText): { refs: string[]; notes: string[] } {
  const refs: string[] = [];
  const walk = (el: XmlElement): void => {
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      if (c.name === 'w:footnoteReference') refs.push(c.attrs['w:id']!);
      walk(c);
    }
  };
  walk(doc.docx.body);
  const root = doc.docx.part('word/footnotes.xml');
  const notes = kids(root, 'w:footnote')
    .filter((f) => !f.attrs['w:type'] || f.attrs['w:type'] === 'normal')
    .filter((f) => Number(f.attrs['w:id']) > 0)
    .map((f) => f.attrs['w:id']!);
  return { refs, notes };
}

/** The seed's text with its footnote marks and the footnotes printed at the page bottom removed. */
export function seedWithoutFootnotes(seed: string, marks: [string, string][], notes: string[]): string {
  let s = seed;
  for (const n of notes) s = s.replace(normalize(n), ' ');
  for (const [from, to] of marks) s = s.replace(from, to);
  return normalize(s);
}
