import type { Command } from 'commander';
import { collect } from '../options.js';

/** Options of every command that reads score files, declared once. */
export function addReadOptions(cmd: Command): Command {
  return cmd
    .option('--sheet <TÊN[=CẤP]>', 'dùng sheet này cho cấp của nó, các sheet cấp khác vẫn được đọc; CẤP là tinh, so, huyen hoặc xa (lặp lại được)', collect)
    .option('--province <TÊN>', 'tên tỉnh để lấy điểm và thứ hạng (mặc định theo cấu hình)')
    .option('--date <YYYY-MM-DD>', 'ngày đánh giá của dữ liệu (mặc định lấy từ tiêu đề hoặc tên tệp)')
    .option('--config <TỆP>', 'tệp cấu hình (mặc định dakindex.config.json nếu có)')
    .option('--json', 'in kết quả dạng JSON');
}

/** Options of every command that writes a document. */
export function addDocumentOptions(cmd: Command): Command {
  return addReadOptions(cmd)
    .option('--data <THƯ_MỤC>', 'thư mục chứa các tệp điểm theo ngày (mặc định ./data)')
    .option('--input <TỆP>', 'tệp điểm của kỳ báo cáo, thay cho việc chọn trong --data (lặp lại được)', collect)
    .option('--previous <TỆP>', 'tệp điểm của kỳ trước để so sánh (lặp lại được)', collect)
    .option('--out <THƯ_MỤC>', 'thư mục ghi văn bản (mặc định ./out)')
    .option('--number <SỐ>', 'số văn bản (mặc định để trống như bản giấy)')
    .option('--issued <YYYY-MM-DD>', 'ngày ban hành (mặc định để trống ngày)')
    .option('--signer <HỌ_TÊN>', 'họ tên người ký cho lần chạy này, thay tên trong cấu hình (documents.<loại>.signer.name) cả ở chữ ký và ở "(đ/c ...)" của Nơi nhận')
    .option('--templates <THƯ_MỤC>', 'thư mục mẫu văn bản của cơ quan')
    .option('--force', 'ghi đè tệp đã có')
    .option('--lock-wait <GIÂY>', 'chờ tối đa GIÂY giây khi một lần chạy khác đang ghi vào thư mục --out (mặc định 30)');
}

export function addPeriodOptions(cmd: Command): Command {
  return cmd
    .option('--week <N>', 'tuần thứ N của tháng (tuần bắt đầu từ thứ Hai thứ N của tháng); current: tuần này, previous: tuần trước (không cần --month)')
    .option('--month <M>', 'tháng; current: tháng này, previous: tháng trước (không cần --year)')
    .option('--quarter <Q>', 'quý (1-4); current: quý này, previous: quý trước')
    .option('--year <Y>', 'năm (mặc định năm hiện tại); current: năm nay, previous: năm trước');
}
