/** `npm run cli -- demo`: loads the clearly labelled demo agency and prints its one-time sign-in. */
import type { CliCommand } from '../main.js';
import { withDatabase } from '../open-db.js';
import { createServices, moduleManifests } from '../../app.js';
import { systemClock } from '../../shared/clock.js';
import { seedDemo, DEMO_SLUG, DEMO_RESULTS_YEAR } from '../../demo.js';

export const run: CliCommand = async (_args, io) => {
  return withDatabase(async (database, config) => {
    const services = createServices({ db: database.db, clock: systemClock, config });
    const outcome = await seedDemo(services, moduleManifests(services, { config, clock: systemClock, db: database.db, dialect: database.dialect }));
    const base = config.publicBaseUrl;
    if (!outcome.created) {
      io.err(`มีหน่วยงานสาธิตอยู่แล้ว: ${base}/a/${DEMO_SLUG} (ลบไฟล์ฐานข้อมูลใน DATA_DIR เพื่อเริ่มใหม่)`);
      return 0;
    }
    io.out(
      [
        'โหลดหน่วยงานสาธิต "เทศบาลตำบลตัวอย่าง (ข้อมูลสาธิต)" แล้ว',
        `  เข้าสู่ระบบที่ ${base}/login`,
        `  รหัสหน่วยงาน: ${DEMO_SLUG}`,
        `  ชื่อผู้ใช้: ${outcome.username}`,
        `  รหัสผ่าน (แสดงครั้งเดียว): ${outcome.password}`,
        `  ผลการวิเคราะห์: ${base}/admin/results/${DEMO_RESULTS_YEAR}`,
        `  ความพร้อม OIT: ${base}/admin/oit/${DEMO_RESULTS_YEAR}`,
        `  หน้าเว็บสาธารณะ: ${base}/a/${DEMO_SLUG}`,
        `  บริการออนไลน์ (E-Service): ${base}/a/${DEMO_SLUG}/eservice`,
        ...(outcome.deploymentAdmin ? [`  ภาพรวมระดับจังหวัด (ผู้ใช้สาธิตเป็นผู้ดูแลระบบระดับจังหวัดของเครื่องนี้): ${base}/deployment/overview`] : []),
        '',
        'ช่องทางแจ้งเบาะแสการทุจริต (ข้อมูลสาธิต)',
        `  แจ้งเรื่อง: ${base}/a/${DEMO_SLUG}/report-corruption`,
        `  ผู้รับผิดชอบเรื่องร้องเรียน: ${outcome.complaints.username} / ${outcome.complaints.password}`,
        `  รหัสลับ TOTP (เพิ่มในแอป Authenticator): ${outcome.complaints.totpSecret}`,
        `  รหัสผ่านสำหรับกุญแจ: ${outcome.complaints.passphrase}`,
        `  รหัสติดตามเรื่องตัวอย่าง: ${outcome.complaints.receipt}`,
      ].join('\n'),
    );
    return 0;
  });
};
