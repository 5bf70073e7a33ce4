/** The shared string table of a workbook (xl/sharedStrings.xml): cells of type "s" index it. */
import { PREFIX, stringItem } from './xlsx-xml.js';

const SI = new RegExp(`<${PREFIX}si(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${PREFIX}si>)`, 'g');

export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  SI.lastIndex = 0;
  for (let m = SI.exec(xml); m; m = SI.exec(xml)) out.push(m[1] ? stringItem(m[1]) : '');
  return out;
}
