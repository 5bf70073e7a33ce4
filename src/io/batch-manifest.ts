import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordedDocument } from '../core/batch-plan.js';
import { writeFileAtomic } from './output-file.js';

/**
 * The record a batch keeps in its output folder (dakindex-manifest.json): for each document it
 * made, the sha256 of its inputs and of the bytes of each file written. A later batch keeps a
 * document whose inputs are unchanged, and replaces only files whose bytes are still the ones it
 * wrote. Written again, atomically, after every document, so an interrupted batch loses nothing.
 */

export const MANIFEST_NAME = 'dakindex-manifest.json';
const FORMAT = 1;

/** A document's record, with what it was made from for a reader of the file. */
export interface ManifestEntry extends RecordedDocument {
  /** The data files it was read from, as chosen in the data folder. */
  data: string[];
}

interface ManifestFile {
  format: number;
  /** The version of dakindex that last wrote the file. */
  dakindex: string;
  /** Keyed by document: "weekly-report tuan-02-thang-11-2025". */
  documents: Record<string, ManifestEntry>;
}

export class BatchManifest {
  private constructor(
    readonly path: string,
    private readonly documents: Map<string, ManifestEntry>,
    /** Why an existing manifest was not read (then nothing counts as written by a batch); null when it was. */
    readonly unreadable: string | null,
  ) {}

  /** The manifest of an output folder; none yet is an empty one. */
  static load(dir: string): BatchManifest {
    const path = join(dir, MANIFEST_NAME);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return new BatchManifest(path, new Map(), null);
    }
    try {
      const parsed = JSON.parse(text) as Partial<ManifestFile>;
      if (parsed.format !== FORMAT || typeof parsed.documents !== 'object' || parsed.documents === null) throw new Error('định dạng không đúng');
      const entries = Object.entries(parsed.documents).filter(([, e]) => isEntry(e));
      return new BatchManifest(path, new Map(entries), null);
    } catch (e) {
      return new BatchManifest(path, new Map(), (e as Error).message);
    }
  }

  get(document: string): ManifestEntry | null {
    return this.documents.get(document) ?? null;
  }

  /** The sha256 recorded for a file name of the folder, by any document; null when none wrote it. */
  recordedSha256(file: string): string | null {
    for (const e of this.documents.values()) {
      if (e.docx.file === file) return e.docx.sha256;
      if (e.pdf?.file === file) return e.pdf.sha256;
    }
    return null;
  }

  /** Records a document and writes the manifest. */
  record(document: string, entry: ManifestEntry, version: string): void {
    this.documents.set(document, entry);
    const sorted = Object.fromEntries([...this.documents].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const file: ManifestFile = { format: FORMAT, dakindex: version, documents: sorted };
    writeFileAtomic(this.path, Buffer.from(`${JSON.stringify(file, null, 2)}\n`, 'utf8'), true);
  }
}

function isOutput(o: unknown): boolean {
  const r = o as { file?: unknown; sha256?: unknown } | null;
  return typeof r === 'object' && r !== null && typeof r.file === 'string' && typeof r.sha256 === 'string';
}

function isEntry(e: unknown): e is ManifestEntry {
  const r = e as Partial<ManifestEntry> | null;
  return typeof r === 'object' && r !== null && typeof r.inputs === 'string' && isOutput(r.docx) && (r.pdf === undefined || isOutput(r.pdf));
}
