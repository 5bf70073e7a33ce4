import type { Warning } from '../types.js';
import type { Issue } from './common.js';
import type { IssueReference } from './issue-warnings.js';
import type { MarkupDocument } from './markup.js';
import type { DocumentModel } from './model.js';
import type { DocumentKindKey, DocumentSettings } from './settings.js';

/** What every document kind's input carries: the office's settings and this run's number, date and signer. */
export interface DocumentInput {
  config: DocumentSettings;
  issue: Omit<Issue, 'fallback'>;
}

/** One document of a run: the data its template receives and its file name, without extension. */
export interface PlannedDocument {
  context: object;
  name: string;
}

/**
 * A document kind, all in one place: how its input becomes template data, a document model, a
 * file name, warnings and the --json summary. The run itself (render, write, print) is the same
 * for every kind: produce() in src/io/produce.ts.
 */
export interface DocumentKind<I extends DocumentInput> {
  /** "weekly-report", "low-score" ... */
  id: string;
  /** Its issuer, number symbol, signer and Nơi nhận: `documents.<configKey>` of the configuration. */
  configKey: DocumentKindKey;
  /** How messages name it: "báo cáo", "công văn". */
  noun: string;
  /** Template names, the first found wins (the office's folder, then the defaults). */
  templates(input: I): string[];
  /** The documents of one run: one, or several (one công văn per commune). */
  documents(input: I): PlannedDocument[];
  model(input: I, text: MarkupDocument): DocumentModel;
  /** What the user should know about the document, besides what reading the data told. */
  warnings(input: I): Warning[];
  /** The date the document may not be issued before (--issued is checked against it). */
  issueReference(input: I): IssueReference;
  /** Lines telling what the document was made from, after the reading's notes. */
  notes(input: I): string[];
  /** What --json tells of the document, after what the reading tells. */
  summary(input: I): object;
}
