/**
 * The demo agency's channel: a custodian-handler with TOTP, the agency's complaint key, reports
 * over three fiscal years in mixed states (so the statistics show exact counts, suppressed ranges
 * and the current year), one question waiting for the reporter, and the OIT items attached.
 * Runs on its own movable clock, so each step is dated when it "happened".
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../shared/clock.js';
import { totpCode } from './domain/totp.js';
import type { ComplaintsServices } from './index.js';
import type { Category } from './domain/types.js';

export interface DemoComplaintsDeps {
  /** complaintsServices built on the given clock. */
  complaintsAt: (clock: Clock) => ComplaintsServices;
  createUser: (agencyId: string, input: { username: string; displayName: string; password: string }) => Promise<{ id: string; agencyId: string; displayName: string; username: string }>;
  catalogueYears: () => Promise<number[]>;
}

export interface DemoComplaintsOutcome {
  username: string;
  password: string;
  passphrase: string;
  totpSecret: string;
  receipt: string;
}

const at = (iso: string) => new Date(`${iso}T03:00:00Z`);

export async function seedDemoComplaints(deps: DemoComplaintsDeps, agency: { id: string; slug: string; nameTh: string }): Promise<DemoComplaintsOutcome> {
  let now = at('2021-10-04');
  const clock: Clock = { now: () => now };
  const c = deps.complaintsAt(clock);
  const password = randomBytes(9).toString('base64url');
  const passphrase = randomBytes(12).toString('base64url');
  const user = await deps.createUser(agency.id, { username: 'demo-complaints', displayName: 'ผู้รับผิดชอบเรื่องร้องเรียน (สาธิต)', password });
  const { secret } = await c.access.beginEnrolment(user);
  await c.access.confirmEnrolment(user, totpCode(secret, now));
  await c.access.createKey(user, passphrase);
  const session = `demo-${randomBytes(8).toString('hex')}`;
  const unlock = async () => {
    now = new Date(now.getTime() + 60_000);
    await c.access.unlock(user, session, { code: totpCode(secret, now), passphrase });
    return c.access.unlocked(session, user)!;
  };

  const reports: { date: string; category: Category; text: string; then?: { date: string; steps: Record<string, string>[] } }[] = [
    { date: '2021-10-12', category: 'bribery', text: 'เจ้าหน้าที่เรียกเงินเพิ่มเพื่อให้ออกใบอนุญาตก่อสร้างเร็วขึ้น (ข้อมูลสาธิต)', then: { date: '2021-11-20', steps: [{ action: 'acknowledge' }, { action: 'investigate' }, { action: 'conclude', outcome: 'substantiated' }] } },
    { date: '2021-11-02', category: 'procurement', text: 'การจัดซื้อวัสดุก่อสร้างถนนราคาสูงกว่าท้องตลาดมาก (ข้อมูลสาธิต)', then: { date: '2021-12-15', steps: [{ action: 'acknowledge' }, { action: 'conclude', outcome: 'not_substantiated' }] } },
    { date: '2021-12-08', category: 'procurement', text: 'ผู้รับจ้างโครงการขุดลอกคลองเป็นญาติของเจ้าหน้าที่ (ข้อมูลสาธิต)', then: { date: '2022-01-10', steps: [{ action: 'acknowledge' }, { action: 'forward', body: 'pacc' }] } },
    { date: '2022-01-17', category: 'misuse_of_assets', text: 'นำรถยนต์ส่วนกลางไปใช้ในงานส่วนตัวช่วงวันหยุด (ข้อมูลสาธิต)', then: { date: '2022-02-20', steps: [{ action: 'acknowledge' }, { action: 'investigate' }, { action: 'conclude', outcome: 'substantiated' }] } },
    { date: '2022-02-09', category: 'abuse_of_power', text: 'ใช้ตำแหน่งกดดันให้ผู้ประกอบการเข้าร่วมงานของพรรคพวก (ข้อมูลสาธิต)', then: { date: '2022-03-01', steps: [{ action: 'acknowledge' }, { action: 'investigate' }] } },
    { date: '2022-03-14', category: 'bribery', text: 'รับของขวัญมูลค่าสูงจากผู้ยื่นคำขอ (ข้อมูลสาธิต)' },
    { date: '2025-01-20', category: 'conflict_of_interest', text: 'คณะกรรมการตรวจรับงานเป็นหุ้นส่วนของผู้รับจ้าง (ข้อมูลสาธิต)', then: { date: '2025-03-01', steps: [{ action: 'acknowledge' }, { action: 'conclude', outcome: 'not_substantiated' }] } },
    { date: '2025-06-11', category: 'procurement', text: 'แบ่งซื้อแบ่งจ้างเพื่อเลี่ยงการประกวดราคา (ข้อมูลสาธิต)', then: { date: '2025-07-01', steps: [{ action: 'acknowledge' }, { action: 'investigate' }] } },
  ];
  for (const r of reports) {
    now = at(r.date);
    await c.channel.submit(agency, { category: r.category, description: r.text, involvesExecutive: false }, { channel: 'online', receivedDate: r.date });
    if (!r.then) continue;
    now = at(r.then.date);
    const u = await unlock();
    const id = (await c.handling.list(u, user)).find((s) => s.receivedDate === r.date)!.id;
    for (const step of r.then.steps) await c.handling.act(u, user, id, step);
  }
  // Two current reports: one just received, one acknowledged with a question to the reporter.
  now = new Date();
  const fresh = await c.channel.submit(agency, { category: 'bribery', description: 'มีผู้อ้างว่าจ่ายเงินแล้วจะได้รับการจ้างเป็นพนักงาน (ข้อมูลสาธิต)', involvesExecutive: true }, { channel: 'online' });
  await c.channel.submit(agency, { category: 'other', description: 'มีการเก็บค่าธรรมเนียมโดยไม่ออกใบเสร็จ (ข้อมูลสาธิต)', involvesExecutive: false }, { channel: 'online' });
  const u = await unlock();
  const list = await c.handling.list(u, user);
  const asked = list.find((s) => s.category === 'bribery' && s.state === 'received' && s.involvesExecutive)!;
  await c.handling.act(u, user, asked.id, { action: 'acknowledge' });
  await c.handling.write(u, user, asked.id, 'ขอบคุณที่แจ้งเรื่อง ท่านทราบชื่อผู้ที่อ้างว่ารับเงินหรือไม่ (ข้อมูลสาธิต)', 'handler');
  c.access.lock(session);
  for (const year of await deps.catalogueYears()) await c.publishComplaintEvidence(agency, year);
  return { username: user.username, password, passphrase, totpSecret: secret, receipt: fresh.receipt };
}
