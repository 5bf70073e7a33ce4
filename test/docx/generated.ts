/**
 * Every document kind as the real CLI writes it from the fixtures, with the commands of
 * scripts/document-kinds.json (the list `npm run preview` renders), each written once per test file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { dakindex, REPO, tempDir } from '../helpers/cli.js';
import { openDocx, type Docx } from '../helpers/docx-xml.js';

export interface DocumentKind {
  kind: string;
  title: string;
  args: string[];
}

export const DOCUMENT_KINDS: DocumentKind[] = JSON.parse(readFileSync(join(REPO, 'scripts/document-kinds.json'), 'utf8'));

export interface Generated {
  kind: string;
  buffer: Buffer;
  docx: Docx;
}

const written = new Map<string, Promise<Generated>>();

async function write(k: DocumentKind): Promise<Generated> {
  const out = tempDir('dakindex-kind-');
  const r = await dakindex([...k.args, '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  const [name] = readdirSync(out).filter((f) => f.endsWith('.docx'));
  const buffer = readFileSync(join(out, name!));
  return { kind: k.kind, buffer, docx: openDocx(buffer) };
}

/** The document of `kind` ("weekly", "low-score", ...). */
export function generated(kind: string): Promise<Generated> {
  const k = DOCUMENT_KINDS.find((d) => d.kind === kind);
  if (!k) throw new Error(`no document kind ${kind} in scripts/document-kinds.json`);
  if (!written.has(kind)) written.set(kind, write(k));
  return written.get(kind)!;
}

/** Every kind's document, written one after the other. */
export async function allGenerated(): Promise<Generated[]> {
  const out: Generated[] = [];
  for (const k of DOCUMENT_KINDS) out.push(await generated(k.kind));
  return out;
}
