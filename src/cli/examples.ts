import type { Command } from 'commander';

/**
 * The examples that end each command's --help, keyed by the command's path ("" for dakindex
 * itself). Each runs as written in a folder made by `dakindex init` (a test runs them all).
 */
export const EXAMPLES: Record<string, string[]> = {
  '': [
    'dakindex init                  # cấu hình, dữ liệu mẫu và mẫu văn bản trong thư mục này',
    'dakindex report --week 2 --month 11 --year 2025 --data data',
    'dakindex templates list',
  ],
  check: [
    'dakindex check data/diem-766-2025-11-14.xlsx',
    'dakindex check data/diem-766-2024-07-02.xlsx --json   # dạng JSON cho script',
  ],
  report: [
    'dakindex report --week 2 --month 11 --year 2025 --data data --trend   # báo cáo tuần 02 tháng 11/2025, có diễn biến',
    'dakindex report --quarter 2 --year 2024 --number 12 --issued 2024-07-05',
    'dakindex report --month 10 --year 2025 --templates templates --signer "Hoàng Trọng Hùng"',
  ],
  letter: [
    'dakindex letter publish --month 5 --year 2024',
    'dakindex letter low-score --date 2026-03-09 --bottom 7 --target 94 --since 2026-01-09',
    'dakindex letter par-sipas --year 2021',
  ],
  'letter publish': [
    'dakindex letter publish --month 5 --year 2024 --data data',
    'dakindex letter publish --month 5 --year 2024 --number 15 --issued 2024-06-10 --signer "Nguyễn Văn A"',
  ],
  'letter low-score': [
    'dakindex letter low-score --date 2026-03-09 --bottom 7 --target 94 --since 2026-01-09',
    'dakindex letter low-score --date 2026-03-09 --bottom 3 --separate   # mỗi xã, phường một công văn',
    'dakindex letter low-score --date 2026-03-09 --bottom 7 --streak 4   # chỉ các xã, phường 4 tuần liền trong nhóm 7 điểm thấp nhất',
  ],
  history: [
    'dakindex history --data data                                          # điểm, thứ hạng của tỉnh và số đơn vị theo xếp loại qua các ngày',
    'dakindex history --unit "Ea Ly" --from 2026-01-01 --csv > ea-ly.csv   # một xã qua các ngày, để mở bằng Excel',
    'dakindex history --level xa --streaks --bottom 7 --streak 4           # xã, phường 4 tuần liền trong nhóm 7 điểm thấp nhất',
  ],
  'letter par-sipas': [
    'dakindex letter par-sipas --year 2021                               # tệp par-sipas-2021.yaml trong data/',
    'dakindex letter par-sipas --year 2021 --input data/par-sipas-2021.yaml --number 7',
  ],
  batch: [
    'dakindex batch --year 2025 --weeks --data data          # mọi báo cáo tuần năm 2025 có dữ liệu',
    'dakindex batch --year 2024 --months --to 2024-05-31 --letters publish   # báo cáo và công văn công khai tháng 1–5',
    'dakindex batch --year 2024 --quarters --json',
  ],
  init: [
    'dakindex init                  # trong thư mục hiện tại',
    'dakindex init van-phong && cd van-phong && dakindex report --week 2 --month 11 --year 2025',
  ],
  templates: ['dakindex templates list', 'dakindex templates show bao-cao-tuan', 'dakindex templates export mau-van-ban'],
  'templates list': ['dakindex templates list', 'dakindex templates list --templates templates   # mẫu của cơ quan, có kiểm tra cú pháp'],
  'templates show': ['dakindex templates show bao-cao-tuan', 'dakindex templates show ket-qua --templates templates'],
  'templates export': [
    'dakindex templates export mau-van-ban',
    'dakindex templates export mau-van-ban && dakindex report --week 2 --month 11 --year 2025 --templates mau-van-ban',
  ],
};

/** The path of a command below dakindex: "letter publish". */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Appends "Ví dụ:" and the command's examples to the help of `program` and of every command below it. */
export function addExamples(program: Command): void {
  const visit = (cmd: Command) => {
    const examples = EXAMPLES[commandPath(cmd)];
    if (examples) cmd.addHelpText('after', `\nVí dụ:\n${examples.map((e) => `  ${e}`).join('\n')}`);
    cmd.commands.forEach(visit);
  };
  visit(program);
}
