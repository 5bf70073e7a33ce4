/**
 * Short horizontal rules (Nghị định 30: under the agency name, the Tiêu ngữ and the trích yếu): an
 * empty centred paragraph with a single top border (style STYLE.rule), whose left and right indents
 * make the border as long as the rule.
 */
import { Paragraph } from 'docx';
import { longestLineWidth, type Face } from './measure.js';
import { RULE_BEFORE, STYLE } from './styles.js';

/**
 * Space before a rule under a line that reaches below the baseline (descenders, the dot below of
 * "ệ", "ộ", commas, brackets): 6 pt, where STYLE.rule's 3 pt would bring the rule onto them.
 */
export const RULE_BEFORE_DESCENDERS = 120;

/** Characters of Times New Roman that reach below the baseline, in NFD text. */
const DESCENDS = /[gjpqyJQ,;()[\]{}|\u0323\u0326\u0327\u0328]/u;

/** Space before the rule under `lines`: more when one of them reaches below the baseline. */
export function ruleSpacingBefore(lines: readonly string[]): number {
  return lines.some((l) => DESCENDS.test(l.normalize('NFD'))) ? RULE_BEFORE_DESCENDERS : RULE_BEFORE;
}

/**
 * Length of a short rule as a fraction of the line it is under. Nghị định 30 asks for 1/3 to 1/2 of
 * the line; 0.4 stays inside that range whatever the rounding.
 */
export const RULE_RATIO = 0.4;

/**
 * The length of a short rule under `lines` set in an area `areaWidth` twips wide: RULE_RATIO of the
 * longest printed line. A line wider than the area wraps, so no printed line is wider than the area.
 */
export function shortRuleLength(lines: readonly string[], sizePt: number, face: Face, areaWidth: number): number {
  return Math.round(RULE_RATIO * Math.min(longestLineWidth(lines, sizePt, face), areaWidth));
}

/** The indent on each side that centres a rule of `length` in an area `areaWidth` wide. */
export function ruleIndent(areaWidth: number, length: number): number {
  return Math.max(0, Math.round((areaWidth - Math.min(length, areaWidth)) / 2));
}

/**
 * A rule `length` twips long, centred in an area `areaWidth` twips wide (the cell's or page's text
 * width), under `above` (the lines it underlines, for the space before it; see ruleSpacingBefore).
 * `after` adds space below it.
 */
export function ruleParagraph(areaWidth: number, length: number, above: readonly string[], after?: number): Paragraph {
  const side = ruleIndent(areaWidth, length);
  const before = ruleSpacingBefore(above);
  return new Paragraph({
    style: STYLE.rule,
    indent: { left: side, right: side },
    ...(before !== RULE_BEFORE || after ? { spacing: { ...(before !== RULE_BEFORE ? { before } : {}), ...(after ? { after } : {}) } } : {}),
  });
}
