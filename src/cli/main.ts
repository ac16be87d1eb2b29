/**
 * `npm run cli -- <command> …`: one file per command under ./commands, loaded on demand so
 * that `analyze` does not open a database and `demo` does not load the PDF renderer.
 * Every command prints Thai messages to stderr on failure and exits non-zero.
 */
import { DomainError, describeFieldError } from '../shared/errors.js';

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

export type CliCommand = (args: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: CliCommand }> }> = {
  analyze: { summary: 'analyze FILE --json — วิเคราะห์ผลการประเมินจากไฟล์ JSON', load: () => import('./commands/analyze.js') },
  document: { summary: 'document FILE --out PATH.docx|.pdf|.html — สร้างเอกสารมาตรการ', load: () => import('./commands/document.js') },
  demo: { summary: 'demo — โหลดหน่วยงานตัวอย่าง (ข้อมูลสาธิต)', load: () => import('./commands/demo.js') },
  catalogue: { summary: 'catalogue list | map --from Y --to Y | import FILE — แคตตาล็อก ITA รายปี', load: () => import('./commands/catalogue.js') },
  oit: { summary: 'oit readiness --year N [--agency SLUG] --json | oit export --year N --out FILE', load: () => import('./commands/oit.js') },
  agency: { summary: 'agency create --slug S --name N --type T --province P [--host H] --json | agency list --json | agency import FILE --province P', load: () => import('./commands/agency.js') },
  report: { summary: 'report measures --year N --round 6|12 [--agency SLUG] --out FILE.docx|.pdf|.html | report procurement --year N [--month M] --agency SLUG --out FILE.docx|.pdf|.html', load: () => import('./commands/report.js') },
  procurement: { summary: 'procurement import FILE --agency SLUG --year N | sync --dept CODE | publish — ทะเบียนการจัดซื้อจัดจ้าง (e-GP)', load: () => import('./commands/procurement.js') },
  calendar: { summary: 'calendar --year N [--agency SLUG] --json — ปฏิทินกำหนดส่งงานของปี', load: () => import('./commands/calendar.js') },
  eservice: { summary: 'eservice report --year N --round 6|12 [--agency SLUG] --out FILE.docx|.pdf|.csv | eservice purge', load: () => import('./commands/eservice.js') },
  survey: { summary: 'survey results --agency SLUG [--round ID] --json — ผลประเมินตนเอง (IIT/EIT) รายหน่วยงานย่อย', load: () => import('./commands/survey.js') },
  migrate: { summary: 'migrate [--status [--json]] — ปรับโครงสร้างฐานข้อมูลให้เป็นปัจจุบัน (สำรองก่อน)', load: () => import('./commands/migrate.js') },
  backup: { summary: 'backup --out FILE.tar.gz — สำรองฐานข้อมูลและไฟล์หลักฐานทั้งหมด', load: () => import('./commands/backup.js') },
  restore: { summary: 'restore FILE.tar.gz — กู้คืนลงฐานข้อมูลและโฟลเดอร์ข้อมูลที่ว่าง', load: () => import('./commands/restore.js') },
};

function usage(io: CliIO): void {
  io.err('วิธีใช้: npm run cli -- <คำสั่ง> [ตัวเลือก]');
  for (const [name, c] of Object.entries(COMMANDS)) io.err(`  ${name.padEnd(10)} ${c.summary}`);
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    if (name) io.err(`ไม่รู้จักคำสั่ง "${name}"`);
    usage(io);
    return 2;
  }
  try {
    const { run } = await command.load();
    return await run(rest, io);
  } catch (error) {
    if (error instanceof DomainError) {
      io.err(`ข้อผิดพลาด: ${error.message}`);
      for (const fe of error.fieldErrors) io.err(`  - ${describeFieldError(fe)}`);
      return 1;
    }
    io.err(`ข้อผิดพลาดที่ไม่คาดคิด: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (isEntry) {
  const code = await runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  });
  process.exitCode = code;
}
