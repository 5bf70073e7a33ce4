/**
 * Charts as native Word charts (DrawingML, ISO/IEC 29500 Part 1 §21.2): the docx package writes
 * none, so a chart is written as its own part, word/charts/chartN.xml, with the values it shows
 * cached in it (c:strCache, c:numCache: what Word and LibreOffice draw and print), the workbook
 * holding the same values embedded beside it (word/embeddings/, what Word's "Edit Data" opens), a
 * relationship from document.xml and an inline drawing in the body paragraph where the chart
 * stands (render.ts puts the parts in the package, splice.ts the paragraph).
 *
 * The chart: one line per series over the categories; the first series on the left value axis, the
 * second on a value axis of its own at the right, reversed when the series says so (ranks: 1 at
 * the top, so up is better); values in labels beside the points, a gap where a value is missing;
 * legend below; Times New Roman, 11 pt (12 pt bold title), black text.
 */
import type { Chart, ChartSeries } from '../../core/documents/model.js';
import { DataError } from '../../core/errors.js';
import { deflatedEntry, writeZip } from '../zip.js';
import type { PackageAdditions } from './splice.js';
import { BLACK, FONT, LANGUAGE } from './styles.js';
import { escapeXmlText, nfc } from './text.js';

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
};

export const CHART_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const CHART_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PACKAGE_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/package';

/** Text of the axes, labels and legend: 11 pt (nd30.md sets no size for figures; tables use 11–12). */
export const CHART_TEXT_SIZE = 11;
/** The chart's title: 12 pt bold. */
export const CHART_TITLE_SIZE = 12;
/** EMU per twip: 914400 per inch, 1440 twips per inch. */
export const EMU_PER_TWIP = 635;
/** Height of a chart: 8.5 cm. */
export const CHART_HEIGHT_TWIPS = 4820;

/** Line colours of the series, dark enough to print in grey: dark blue, then dark orange. */
const COLOURS = ['1F4E79', 'C55A11'];
/** Solid then dashed lines, circle then square markers: the two series differ without colour. */
const DASHES = ['solid', 'dash'];
const MARKERS = ['circle', 'square'];
const GRID = 'BFBFBF';
const AXIS_LINE = '808080';

const attr = (s: string): string => escapeXmlText(s).replace(/"/g, '&quot;');

/** Run properties of chart text: Times New Roman, black, `pt` points. */
function runProps(tag: 'a:defRPr' | 'a:rPr', pt: number, bold = false): string {
  const lang = tag === 'a:rPr' ? ` lang="${LANGUAGE}"` : '';
  return (
    `<${tag}${lang} sz="${Math.round(pt * 100)}" b="${bold ? 1 : 0}">` +
    `<a:solidFill><a:srgbClr val="${BLACK}"/></a:solidFill><a:latin typeface="${FONT}"/><a:cs typeface="${FONT}"/></${tag}>`
  );
}

/** c:txPr: the text of an axis, the labels or the legend. */
function textProps(pt: number, rotation?: number): string {
  const body = rotation === undefined ? '<a:bodyPr/>' : `<a:bodyPr rot="${rotation}" vert="horz"/>`;
  return `<c:txPr>${body}<a:lstStyle/><a:p><a:pPr>${runProps('a:defRPr', pt)}</a:pPr><a:endParaRPr lang="${LANGUAGE}"/></a:p></c:txPr>`;
}

/** c:title with its own text; `rotation` in 60000ths of a degree (axis titles read bottom to top). */
function title(text: string, pt: number, bold: boolean, rotation?: number): string {
  const body = rotation === undefined ? '<a:bodyPr/>' : `<a:bodyPr rot="${rotation}" vert="horz"/>`;
  return (
    `<c:title><c:tx><c:rich>${body}<a:lstStyle/><a:p><a:pPr>${runProps('a:defRPr', pt, bold)}</a:pPr>` +
    `<a:r>${runProps('a:rPr', pt, bold)}<a:t>${escapeXmlText(nfc(text))}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title>'
  );
}

function line(colour: string, widthEmu: number, dash = 'solid'): string {
  return `<a:ln w="${widthEmu}" cap="rnd"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:prstDash val="${dash}"/><a:round/></a:ln>`;
}

/** A value axis's range and the step of its ticks. */
export interface AxisScale {
  min: number;
  max: number;
  step: number;
}

const SCORE_STEPS = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50];
const RANK_STEPS = [1, 2, 5, 10, 20, 25, 50, 100];
/** Two series: each keeps to this share of the plot's height where the bounds allow, so that their lines mostly stay apart. */
export const SHARED_PLOT = 0.45;

/** Room kept between the lowest value and the lower end of its axis, for the labels: a tenth of the axis. */
const LABEL_ROOM = 0.1;

/**
 * The scale of a value axis: round steps, about six over the values' share; the lower end whole
 * steps under the lowest value, enough to leave a tenth of the axis for the labels beside the points,
 * within `bounds`; the values below `share` of the axis from its lower end. With two series, `share`
 * SHARED_PLOT puts the left series in the lower part of the plot and the right one, its axis
 * reversed (its lower end at the top), in the upper part. Bounds (a score axis ends at 100, a rank
 * axis at the number of provinces) can defeat that; labelSides keeps the labels apart anyway.
 */
export function axisScale(values: readonly number[], decimals: number, bounds: ChartSeries['bounds'] = {}, share = 0.8): AxisScale {
  if (values.length === 0) throw new RangeError('axisScale of no values');
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const steps = decimals === 0 ? RANK_STEPS : SCORE_STEPS;
  const span = Math.max(hi - lo, decimals === 0 ? 2 : 0.5);
  const step = steps.find((s) => span / share / s <= 6) ?? steps[steps.length - 1]!;
  const fix = (n: number) => Number(n.toFixed(6));
  const floor = bounds.min ?? -Infinity;
  const upper = (min: number): number => {
    let max = fix(Math.ceil((min + (hi - min) / share) / step) * step);
    if (bounds.max !== undefined) max = Math.min(max, Math.max(bounds.max, hi));
    return max > min ? max : fix(min + step);
  };
  let min = Math.max(floor, fix(Math.floor(lo / step) * step));
  while (lo - min < LABEL_ROOM * (upper(min) - min) && min - step >= floor) min = fix(min - step);
  return { min, max: upper(min), step };
}

/** Excel number format of `decimals` decimals, in Vietnamese notation (LCID 042A: decimal comma). */
export function numberFormat(decimals: number): string {
  return `[$-42A]${decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`}`;
}

/** A1 column letter of a 0-based column (A, B, C; charts have a handful). */
const column = (i: number): string => String.fromCharCode(65 + i);
const SHEET = 'Sheet1';

/** Where a point's value label stands: over (t) or under (b) the point. */
export type LabelSide = 't' | 'b';

/** A point's height in the plot, 0 at the bottom and 1 at the top, on its axis's scale. */
function heightOf(v: number, s: ChartSeries, scale: AxisScale): number {
  const f = (v - scale.min) / (scale.max - scale.min);
  return s.reversed ? 1 - f : f;
}

/**
 * The side of each point's label. One series: over. Two: at each category, over the higher point
 * and under the lower one, so that the labels stand apart even where the lines meet or cross.
 */
export function labelSides(series: readonly ChartSeries[], scales: readonly AxisScale[]): LabelSide[][] {
  if (series.length < 2) return series.map((s) => s.values.map(() => 't'));
  const [a, b] = series as [ChartSeries, ChartSeries];
  const sides: LabelSide[][] = [a.values.map(() => 'b'), b.values.map(() => 't')];
  a.values.forEach((va, k) => {
    const vb = b.values[k];
    if (va === null || vb === null || vb === undefined) return;
    const aHigher = heightOf(va, a, scales[0]!) > heightOf(vb, b, scales[1]!);
    sides[0]![k] = aHigher ? 't' : 'b';
    sides[1]![k] = aHigher ? 'b' : 't';
  });
  return sides;
}

/** What every value label of a series shows, after its position: the value only. */
const LABEL_SHOWS = '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/>';

function seriesXml(s: ChartSeries, i: number, categories: readonly string[], sides: readonly LabelSide[]): string {
  const n = categories.length;
  const col = column(i + 1);
  const catRef = `${SHEET}!$A$2:$A$${n + 1}`;
  const valRef = `${SHEET}!$${col}$2:$${col}$${n + 1}`;
  const colour = COLOURS[i % COLOURS.length]!;
  const labelLook = `<c:numFmt formatCode="${attr(numberFormat(s.decimals))}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${textProps(CHART_TEXT_SIZE)}`;
  const points = s.values
    .map((v, k) => (v === null ? '' : `<c:pt idx="${k}"><c:v>${Number(v.toFixed(s.decimals))}</c:v></c:pt>`))
    .join('');
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
    `<c:tx><c:strRef><c:f>${SHEET}!$${col}$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXmlText(nfc(s.name))}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
    `<c:spPr>${line(colour, 28575, DASHES[i % DASHES.length])}</c:spPr>` +
    `<c:marker><c:symbol val="${MARKERS[i % MARKERS.length]}"/><c:size val="7"/><c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>${line(colour, 9525)}</c:spPr></c:marker>` +
    // Each label on its own side (labelSides), formatted as the series' labels.
    `<c:dLbls>${s.values
      .map((v, k) => (v === null ? '' : `<c:dLbl><c:idx val="${k}"/>${labelLook}<c:dLblPos val="${sides[k]}"/>${LABEL_SHOWS}</c:dLbl>`))
      .join('')}` +
    `${labelLook}<c:dLblPos val="${sides.find((_, k) => s.values[k] !== null) ?? 't'}"/>${LABEL_SHOWS}</c:dLbls>` +
    `<c:cat><c:strRef><c:f>${catRef}</c:f><c:strCache><c:ptCount val="${n}"/>${categories
      .map((c, k) => `<c:pt idx="${k}"><c:v>${escapeXmlText(nfc(c))}</c:v></c:pt>`)
      .join('')}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${valRef}</c:f><c:numCache><c:formatCode>${escapeXmlText(numberFormat(s.decimals))}</c:formatCode><c:ptCount val="${n}"/>${points}</c:numCache></c:numRef></c:val>` +
    '<c:smooth val="0"/></c:ser>'
  );
}

/** Axis ids: the category and value axis of the left series, then of the right one. */
const AXES = [
  [101, 102],
  [103, 104],
] as const;

function lineChartXml(s: ChartSeries, i: number, categories: readonly string[], sides: readonly LabelSide[]): string {
  const [cat, val] = AXES[i]!;
  return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${seriesXml(s, i, categories, sides)}<c:marker val="1"/><c:axId val="${cat}"/><c:axId val="${val}"/></c:lineChart>`;
}

function categoryAxisXml(i: number): string {
  const [cat, val] = AXES[i]!;
  const shown = i === 0;
  return (
    `<c:catAx><c:axId val="${cat}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="${shown ? 0 : 1}"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="${shown ? 'low' : 'nextTo'}"/><c:spPr>${line(AXIS_LINE, 9525)}</c:spPr>${textProps(CHART_TEXT_SIZE)}` +
    `<c:crossAx val="${val}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`
  );
}

/** The scale of a series' value axis; `shared` when two series share the plot (SHARED_PLOT). */
function scaleOf(s: ChartSeries, shared: boolean): AxisScale {
  const values = s.values.filter((v): v is number => v !== null);
  return axisScale(values, s.decimals, s.bounds, shared ? SHARED_PLOT : undefined);
}

function valueAxisXml(s: ChartSeries, i: number, scale: AxisScale): string {
  const [cat, val] = AXES[i]!;
  const left = s.axis === 'left';
  return (
    `<c:valAx><c:axId val="${val}"/><c:scaling><c:orientation val="${s.reversed ? 'maxMin' : 'minMax'}"/>` +
    `<c:max val="${scale.max}"/><c:min val="${scale.min}"/></c:scaling><c:delete val="0"/><c:axPos val="${left ? 'l' : 'r'}"/>` +
    (left ? `<c:majorGridlines><c:spPr>${line(GRID, 6350)}</c:spPr></c:majorGridlines>` : '') +
    title(s.axisTitle, CHART_TEXT_SIZE, false, left ? -5400000 : 5400000) +
    `<c:numFmt formatCode="${attr(numberFormat(Number.isInteger(scale.step) ? 0 : decimalsOf(scale.step)))}" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:spPr>${line(AXIS_LINE, 9525)}</c:spPr>${textProps(CHART_TEXT_SIZE)}` +
    `<c:crossAx val="${cat}"/><c:crosses val="${left ? 'autoZero' : 'max'}"/><c:crossBetween val="between"/><c:majorUnit val="${scale.step}"/></c:valAx>`
  );
}

const decimalsOf = (n: number): number => (String(n).split('.')[1] ?? '').length;

/** Checks what the writer cannot draw: one or two series, each with a value for every category. */
function checkChart(chart: Chart): void {
  if (chart.series.length < 1 || chart.series.length > 2) throw new DataError(`Biểu đồ "${chart.title}": cần một hoặc hai dãy số liệu.`);
  for (const s of chart.series) {
    if (s.values.length !== chart.categories.length) {
      throw new DataError(`Biểu đồ "${chart.title}", dãy "${s.name}": ${s.values.length} giá trị cho ${chart.categories.length} mốc.`);
    }
    if (!s.values.some((v) => v !== null)) throw new DataError(`Biểu đồ "${chart.title}", dãy "${s.name}": không có giá trị nào.`);
  }
}

/**
 * word/charts/chartN.xml: the chart with its values cached; `workbook` is the relationship id of
 * the embedded workbook (c:externalData), if any.
 */
export function chartSpaceXml(chart: Chart, workbook?: string): string {
  checkChart(chart);
  // The series are in the order of their axes: left, then right.
  const series = [...chart.series].sort((a, b) => (a.axis === b.axis ? 0 : a.axis === 'left' ? -1 : 1));
  const scales = series.map((s) => scaleOf(s, series.length > 1));
  const sides = labelSides(series, scales);
  const axes = series.map((s, i) => categoryAxisXml(i) + valueAxisXml(s, i, scales[i]!));
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:date1904 val="0"/><c:lang val="${LANGUAGE}"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title(chart.title, CHART_TITLE_SIZE, true)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${series.map((s, i) => lineChartXml(s, i, chart.categories, sides[i]!)).join('')}${axes.join('')}` +
    '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>' +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textProps(CHART_TEXT_SIZE)}</c:legend>` +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>${textProps(CHART_TEXT_SIZE)}` +
    (workbook ? `<c:externalData r:id="${workbook}"><c:autoUpdate val="0"/></c:externalData>` : '') +
    '</c:chartSpace>'
  );
}

/**
 * The workbook behind a chart, embedded so that Word's "Edit Data" opens it: Sheet1 with the
 * categories in column A from row 2, each series in the next columns with its name in row 1. The
 * least a SpreadsheetML package needs: workbook, one sheet of inline strings, no styles.
 */
export function chartWorkbook(chart: Chart): Buffer {
  const cell = (ref: string, v: string | number | null): string =>
    v === null ? '' : typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${escapeXmlText(nfc(v))}</t></is></c>`;
  const rows = [
    [null, ...chart.series.map((s) => s.name)],
    ...chart.categories.map((c, k) => [c, ...chart.series.map((s) => (s.values[k] === null ? null : Number(s.values[k]!.toFixed(s.decimals))))]),
  ];
  const sheetData = rows
    .map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cell(`${column(c)}${r + 1}`, v)).join('')}</row>`)
    .join('');
  const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
  const files: [string, string][] = [
    [
      '[Content_Types].xml',
      `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ],
    [
      '_rels/.rels',
      `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `${head}<workbook xmlns="${SML}" xmlns:r="${NS.r}"><sheets><sheet name="${SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ],
    ['xl/worksheets/sheet1.xml', `${head}<worksheet xmlns="${SML}"><sheetData>${sheetData}</sheetData></worksheet>`],
  ];
  return writeZip(files.map(([name, xml]) => deflatedEntry(name, Buffer.from(xml, 'utf8'))));
}

/**
 * The body paragraph of a chart: centred, an inline drawing `width` twips wide that shows the chart
 * part of relationship `relId`. `id` numbers the drawing in the document (wp:docPr).
 */
export function chartParagraphXml(chart: Chart, relId: string, id: number, width: number, style: string): string {
  const cx = width * EMU_PER_TWIP;
  const cy = CHART_HEIGHT_TWIPS * EMU_PER_TWIP;
  return (
    `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:drawing>` +
    `<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${id}" name="Biểu đồ ${id}" descr="${attr(nfc(chart.title))}"/><wp:cNvGraphicFramePr/>` +
    `<a:graphic xmlns:a="${NS.a}"><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    '</wp:inline></w:drawing></w:r></w:p>'
  );
}

/** The relationship id of chart `n` (from 1) in document.xml's relationships: apart from docx's rIdN. */
export const chartRelId = (n: number): string => `rIdDkChart${n}`;

/** The parts of chart `n` (from 1): chartN.xml, its relationships, its workbook. */
export function chartParts(chart: Chart, n: number): PackageAdditions {
  const workbook = `Microsoft_Excel_Worksheet${n}.xlsx`;
  const rels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${PACKAGE_RELATIONSHIP}" Target="../embeddings/${workbook}"/></Relationships>`;
  return {
    parts: [
      { name: `word/charts/chart${n}.xml`, data: Buffer.from(chartSpaceXml(chart, 'rId1'), 'utf8'), contentType: CHART_CONTENT_TYPE },
      { name: `word/charts/_rels/chart${n}.xml.rels`, data: Buffer.from(rels, 'utf8') },
      { name: `word/embeddings/${workbook}`, data: chartWorkbook(chart), contentType: XLSX_CONTENT_TYPE },
    ],
    relationships: [{ id: chartRelId(n), type: CHART_RELATIONSHIP, target: `charts/chart${n}.xml` }],
  };
}
