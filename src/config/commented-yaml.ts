import { Document, isMap, isScalar, visit, type Node, type Pair } from 'yaml';
import { BASIS_PLACES } from '../core/documents/dated-wording.js';
import { RECIPIENT_LEVELS } from '../core/documents/recipients.js';
import type { Config } from './schema.js';

/**
 * The configuration as a YAML file whose keys are explained in Vietnamese, for `dakindex init`.
 * Values come from the configuration given (the default), so the file cannot drift from it; the
 * comments are keyed by path ("*" matches any key), and a test checks that every key has one.
 */

const HEADER = [
  ' Cấu hình dakindex của Văn phòng UBND tỉnh Đắk Lắk (tạo bởi "dakindex init").',
  ' dakindex đọc tệp này khi chạy trong thư mục này (hoặc với --config TỆP).',
  ' Mỗi khóa ghi đè cấu hình mặc định; xóa một khóa thì dùng giá trị mặc định của chương trình.',
  ' Ngày viết dạng YYYY-MM-DD; danh sách ghi đè cả danh sách.',
].join('\n');

export const CONFIG_COMMENTS: Record<string, string> = {
  province: 'Tỉnh của cơ quan.',
  'province.name': 'Tên tỉnh như trong bảng điểm các tỉnh, thành phố: để lấy điểm và thứ hạng của tỉnh (--province thay cho một lần chạy).',
  'province.place': 'Địa danh ở dòng ngày tháng: "Đắk Lắk, ngày ... tháng ... năm ...".',
  groups:
    'Các nhóm chỉ số thành phần: label là tên nhóm trong câu văn và tiêu đề cột Phụ lục, max là điểm tối đa của nhóm.',
  bands:
    'Xếp loại, từ cao xuống thấp: key là mã loại (không đổi), label là tên in trong văn bản, min là điểm thấp nhất của loại (tính cả điểm đó); loại thấp nhất có min 0.',
  layout: 'Trình bày văn bản theo Nghị định 30/2020/NĐ-CP.',
  'layout.margins': 'Lề trang, tính bằng mm: top, bottom từ 20 đến 25; left từ 30 đến 35; right từ 15 đến 20.',
  'layout.bodySize': 'Cỡ chữ thân văn bản: 13 hoặc 14.',
  input: 'Giới hạn khi đọc tệp điểm, để một tệp hỏng hoặc quá lớn không làm treo máy.',
  'input.maxInflatedBytes': 'Dung lượng tối đa (byte) của tệp .xlsx sau khi giải nén; tệp lớn hơn bị từ chối.',
  'input.maxRows': 'Số dòng có giá trị tối đa của một sheet.',
  'input.maxErrors': 'Số lỗi ô được liệt kê cho mỗi tệp; các lỗi còn lại chỉ được đếm.',
  comparison: 'So sánh với kỳ trước.',
  'comparison.countChangeBands':
    'Các loại (theo key của bands) mà dòng đếm số địa phương ghi thêm tăng, giảm bao nhiêu so với kỳ trước.',
  trend: [
    'Đoạn "Diễn biến" (điểm số, thứ hạng của tỉnh, có biểu đồ) và Phụ lục diễn biến điểm số của các đơn vị trong báo cáo:',
    '  số kỳ gần nhất, tính cả kỳ báo cáo; 0 là không có, nếu không thì từ 2 đến 24. Báo cáo tuần chỉ có khi chạy với --trend.',
  ].join('\n'),
  'trend.weeks': 'Số tuần của báo cáo tuần (khi chạy với --trend).',
  'trend.months': 'Số tháng của báo cáo tháng.',
  'trend.quarters': 'Số quý của báo cáo quý.',
  'trend.years': 'Số năm của báo cáo năm.',
  dataDir: 'Thư mục chứa các tệp điểm tải về theo ngày (--data thay cho một lần chạy).',
  outDir: 'Thư mục ghi văn bản (--out thay cho một lần chạy).',
  documents: [
    'Từng loại văn bản:',
    '  issuer: cơ quan ban hành ở góc trên bên trái; parent là cơ quan chủ quản (mỗi phần tử một dòng, [] khi không có),',
    '    name là tên cơ quan ban hành (chữ đậm, mỗi phần tử một dòng), shortName là tên gọi tắt trong ghi chú của Phụ lục;',
    '  symbol: ký hiệu sau dấu "/" của số văn bản (Số: .../BC-VPUBND);',
    '  signer: người ký; title là các dòng quyền hạn, chức vụ, name là họ và tên (--signer thay cho một lần chạy;',
    '    để trống thì văn bản không in họ tên và mỗi lần chạy đều cảnh báo);',
    '  recipients: các dòng Nơi nhận theo thứ tự, không có "- " đầu dòng; {signer.short} là tên người ký ("Hùng"),',
    `    {signer.name} là họ tên; { text: "...", level: ${RECIPIENT_LEVELS.join(' | ')} } chỉ in khi dữ liệu có cấp đó.`,
  ].join('\n'),
  'documents.weeklyReport': 'Báo cáo tuần (dakindex report --week).',
  'documents.periodicReport': 'Báo cáo tháng, quý, năm (dakindex report --month, --quarter hoặc chỉ --year).',
  'documents.publish': 'Công văn công khai kết quả một tháng (dakindex letter publish).',
  'documents.lowScore': 'Công văn đôn đốc các địa phương có điểm thấp (dakindex letter low-score).',
  'documents.parSipas': 'Công văn về Chỉ số PAR Index, Chỉ số SIPAS (dakindex letter par-sipas).',
  legalBases: [
    'Căn cứ, văn bản chỉ đạo được trích dẫn, chọn theo ngày của văn bản (ngày ban hành --issued, nếu không có thì ngày của số liệu):',
    '  text: nguyên văn như trong câu; from, until: hiệu lực từ ngày, đến ngày (tính cả hai ngày; from không trước ngày ghi trong text);',
    `  in: nơi trích dẫn, một hoặc nhiều trong ${BASIS_PLACES.join(', ')}.`,
    'Kế hoạch cải cách TTHC trọng tâm năm 2025, năm 2026 chưa có ở đây: thêm vào khi biết số, ngày, với until là 31/12 của năm đó.',
  ].join('\n'),
  names: 'Tên cơ quan, hệ thống theo ngày: mỗi khóa một danh sách { name, from, until } không chồng nhau về ngày.',
};

/** Keys whose descendants the key's own comment explains: they have none of their own. */
export const EXPLAINED_BY_PARENT = ['groups', 'layout.margins', 'documents.*', 'names'];

function matches(pattern: string, path: string[]): boolean {
  const parts = pattern.split('.');
  return parts.length === path.length && parts.every((p, i) => p === '*' || p === path[i]);
}

function explainedByParent(path: string[]): boolean {
  return EXPLAINED_BY_PARENT.some((p) => {
    const n = p.split('.').length;
    return path.length > n && matches(p, path.slice(0, n));
  });
}

function commentFor(path: string[]): string | undefined {
  const exact = CONFIG_COMMENTS[path.join('.')];
  if (exact !== undefined) return exact;
  const pattern = Object.keys(CONFIG_COMMENTS).find((p) => p.includes('*') && matches(p, path));
  return pattern === undefined ? undefined : CONFIG_COMMENTS[pattern];
}

/** Every key path of the maps of `doc` outside lists, e.g. ["documents", "publish", "signer"]. */
function keyPaths(node: Node | null, path: string[] = []): { path: string[]; pair: Pair<Node, Node> }[] {
  if (!isMap(node)) return [];
  return (node.items as Pair<Node, Node>[]).flatMap((pair) => {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const here = [...path, key];
    return [{ path: here, pair }, ...keyPaths(pair.value, here)];
  });
}

/** Key paths that have neither a comment nor a parent explaining them (empty when the table is complete). */
export function uncommentedKeys(config: Config): string[] {
  return keyPaths(configDocument(config).contents)
    .filter(({ path }) => commentFor(path) === undefined && !explainedByParent(path))
    .map(({ path }) => path.join('.'));
}

/** Comment keys that name no key of `config` (a renamed or removed key). */
export function staleComments(config: Config): string[] {
  const paths = keyPaths(configDocument(config).contents).map((k) => k.path);
  return Object.keys(CONFIG_COMMENTS).filter((p) => !paths.some((path) => matches(p, path)));
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => ` ${l}`)
    .join('\n');

/** Below this many characters, a list or object of plain values is written on one line. */
const FLOW_WIDTH = 90;

/**
 * The document of `config`, shared objects written out each time: an office editing one kind's
 * issuer must not change another's through a YAML alias.
 */
function configDocument(config: Config): Document {
  return new Document(config, { aliasDuplicateObjects: false });
}

/** Whether a list or object of plain values, none of them commented, fits on one line. */
function flowFits(values: unknown[]): boolean {
  if (values.length === 0 || !values.every((v) => isScalar(v) && !v.commentBefore)) return false;
  return values.reduce<number>((n, v) => n + String((v as { value: unknown }).value).length + 4, 0) < FLOW_WIDTH;
}

/** The YAML text of `config`, each key preceded by its comment. */
export function commentedConfigYaml(config: Config): string {
  const doc = configDocument(config);
  doc.commentBefore = HEADER;
  for (const { path, pair } of keyPaths(doc.contents)) {
    const comment = commentFor(path);
    if (comment !== undefined && isScalar(pair.key)) pair.key.commentBefore = indent(comment);
  }
  visit(doc, {
    Map: (_, node) => void (node.flow = flowFits(node.items.flatMap((p) => [p.key, p.value]))),
    Seq: (_, node) => void (node.flow = flowFits(node.items)),
  });
  return doc.toString({ lineWidth: 0 });
}
