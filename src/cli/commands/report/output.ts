// Weekly report output format: from --format, else the --out file's extension, else text (printing and writing: ../../output.ts).
import path from 'node:path';
import { UsageError } from '../../../domain/errors.js';
import { text } from '../../../domain/text.js';

export const REPORT_FORMATS = ['text', 'md', 'json', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const BY_EXTENSION: Record<string, ReportFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'md',
  '.markdown': 'md',
  '.json': 'json',
  '.csv': 'csv',
  '.html': 'html',
  '.htm': 'html',
};

/** --format when given; else the --out file's extension; else text. */
export function resolveFormat(format: string | undefined, outFile: string | undefined): ReportFormat {
  if (format !== undefined) {
    if ((REPORT_FORMATS as readonly string[]).includes(format)) return format as ReportFormat;
    throw new UsageError(
      text(`--format 只能是 ${REPORT_FORMATS.join('、')}，而不是“${format}”。`, `--format must be one of ${REPORT_FORMATS.join(', ')}, not "${format}".`),
    );
  }
  if (outFile !== undefined) {
    const ext = path.extname(outFile).toLowerCase();
    const f = BY_EXTENSION[ext];
    if (f) return f;
    throw new UsageError(
      text(
        `无法从文件名“${outFile}”判断格式：请用 --format 指明（${REPORT_FORMATS.join('、')}），或使用 .txt .md .json .csv .html 扩展名。`,
        `Cannot tell the format from "${outFile}": say it with --format (${REPORT_FORMATS.join(', ')}) or use a .txt, .md, .json, .csv or .html name.`,
      ),
    );
  }
  return 'text';
}
