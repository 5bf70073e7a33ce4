/**
 * Validates the parts of a .docx against the ISO/IEC 29500 transitional schemas in ../shared (with
 * xmllint), after removing what the part's mc:Ignorable prefixes mark (as Word ignores it), and
 * checks Word's own rules that the schema allows: no table row without cells, every cell ending
 * with a paragraph.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { all, elements, parseXml, serializeXml, unzipDocx, type XmlElement } from './docx-xml.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = path.resolve(REPO_ROOT, '../shared');
export const WML_XSD = path.join(SHARED, 'ooxml-schemas/ISO-IEC29500-4_2016/wml.xsd');
/** DrawingML charts: word/charts/chartN.xml. */
export const CHART_XSD = path.join(SHARED, 'ooxml-schemas/ISO-IEC29500-4_2016/dml-chart.xsd');
/** SpreadsheetML: the parts of a chart's embedded workbook. */
export const SML_XSD = path.join(SHARED, 'ooxml-schemas/ISO-IEC29500-4_2016/sml.xsd');

export function xmllintAvailable(): boolean {
  return spawnSync('xmllint', ['--version']).status === 0;
}

/** Removes the attributes and elements of the prefixes listed in the root's mc:Ignorable, and mc:Ignorable itself. */
export function stripIgnorable(xml: string): string {
  const root = parseXml(xml);
  const prefixes = new Set((root.attrs['mc:Ignorable'] ?? '').split(/\s+/).filter(Boolean));
  delete root.attrs['mc:Ignorable'];
  const ignored = (name: string): boolean => prefixes.has(name.split(':')[0]!) && name.includes(':');
  const walk = (el: XmlElement): void => {
    for (const k of Object.keys(el.attrs)) if (!k.startsWith('xmlns') && ignored(k)) delete el.attrs[k];
    el.children = el.children.filter((c) => typeof c === 'string' || !ignored(c.name));
    for (const c of elements(el)) walk(c);
  };
  walk(root);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${serializeXml(root)}`;
}

/** The parts to validate: document, styles, footnotes, endnotes, headers and footers, and the charts. */
export function partsToValidate(files: Map<string, string>): string[] {
  return [...files.keys()].filter((n) =>
    /^word\/(document|styles|footnotes|endnotes|header\d*|footer\d*|charts\/chart\d+)\.xml$/.test(n),
  );
}

/** The schema of a part: dml-chart.xsd for a chart, wml.xsd for the others. */
export function schemaOf(part: string): string {
  return /^word\/charts\//.test(part) ? CHART_XSD : WML_XSD;
}

export interface Validation {
  part: string;
  ok: boolean;
  errors: string;
}

export function validatePart(part: string, xml: string, schema = schemaOf(part)): Validation {
  const dir = mkdtempSync(path.join(tmpdir(), 'ooxml-'));
  try {
    const file = path.join(dir, path.basename(part));
    writeFileSync(file, stripIgnorable(xml));
    const r = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { part, ok: r.status === 0, errors: (r.stderr ?? '').trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Word's rules beyond the schema: rows have cells, cells end with a paragraph. */
export function wordTableRules(xml: string): string[] {
  const root = parseXml(xml);
  const problems: string[] = [];
  all(root, 'w:tr').forEach((tr, i) => {
    if (!elements(tr).some((c) => c.name === 'w:tc')) problems.push(`row ${i} has no w:tc`);
  });
  all(root, 'w:tc').forEach((tc, i) => {
    const last = elements(tc).at(-1);
    if (last?.name !== 'w:p') problems.push(`cell ${i} ends with ${last?.name ?? 'nothing'}`);
  });
  return problems;
}

/** Validates every part of a .docx; returns the failures (empty when all is well). */
export function validateDocx(docx: Buffer): string[] {
  const files = unzipDocx(docx);
  const failures: string[] = [];
  for (const part of partsToValidate(files)) {
    const xml = files.get(part)!;
    const v = validatePart(part, xml);
    if (!v.ok) failures.push(`${part}: ${v.errors}`);
    for (const p of wordTableRules(xml)) failures.push(`${part}: ${p}`);
  }
  return failures;
}

