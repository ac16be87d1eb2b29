/**
 * The demo agency: a clearly labelled example with the FY2565 results that a real municipality
 * published, an improvement plan drafted from them, executives with one gap (no permanent-staff
 * executive, as that municipality lost O2 for), so a newcomer sees every check at work.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Services } from '../../app.js';
import { SYSTEM_ACTOR } from '../../platform/audit.js';
import { actorOf } from '../users/service.js';
import { seedDemoEservices } from '../eservices/index.js';
import { seedDemoTracking } from '../tracking/index.js';
import { seedDemoComplaints, type DemoComplaintsOutcome } from '../complaints/index.js';

export const DEMO_SLUG = 'demo';
export const DEMO_USERNAME = 'demo';
export const DEMO_RESULTS_YEAR = 2565;

const SEED_RESULTS_FILE = new URL('../ita-results/domain/fixtures/seed-fy2565.json', import.meta.url);

export type DemoOutcome = { created: false } | { created: true; username: string; password: string; agencyId: string; deploymentAdmin: boolean; complaints: DemoComplaintsOutcome };

export async function seedDemo(services: Services, extra: (agencyId: string) => Promise<void> = async () => {}): Promise<DemoOutcome> {
  if (await services.agencies.findBySlug(DEMO_SLUG)) return { created: false };
  const agency = await services.agencies.createAgency(
    SYSTEM_ACTOR,
    {
      slug: DEMO_SLUG,
      nameTh: 'เทศบาลตำบลตัวอย่าง (ข้อมูลสาธิต)',
      nameEn: 'Demo Subdistrict Municipality (demo data)',
      type: 'subdistrict_municipality',
      province: 'ศรีสะเกษ',
      address: '99 หมู่ 1 ตำบลตัวอย่าง อำเภอเมือง จังหวัดศรีสะเกษ 33000',
      phone: '045-000-000',
      email: null,
      websiteUrl: null,
      digits: 'thai',
    },
    ['สำนักปลัด', 'กองคลัง', 'กองช่าง', 'กองการศึกษา', 'กองสาธารณสุขและสิ่งแวดล้อม'],
    { isDemo: true },
  );
  // A random password printed once: there is no default password, not even for the demo.
  const password = randomBytes(9).toString('base64url');
  const user = await services.users.createUser(SYSTEM_ACTOR, agency.id, {
    username: DEMO_USERNAME,
    displayName: 'ผู้ใช้สาธิต',
    email: null,
    password,
    passwordConfirm: password,
    roles: ['admin'],
    unitId: null,
  });
  // On an install with no administrator yet (a demo machine), the demo user administers the
  // deployment too, so the province view and agency administration can be tried.
  const deploymentAdmin = await services.deployment.grantFirstAdministrator(user.id, 'demo');
  const actor = actorOf(user);
  for (const [i, e] of [
    { name: 'นายสมชาย ใจดี (สมมุติ)', position: 'นายกเทศมนตรีตำบลตัวอย่าง', phone: '045-000-001' },
    { name: 'นางสมหญิง รักถิ่น (สมมุติ)', position: 'รองนายกเทศมนตรี', phone: null },
  ].entries()) {
    await services.agencies.addExecutive(actor, agency.id, { kind: 'political', nameTh: e.name, positionTh: e.position, phone: e.phone, email: null, sortOrder: i });
  }
  const results: unknown = JSON.parse(readFileSync(SEED_RESULTS_FILE, 'utf8'));
  await services.results.saveResultsJson(actor, agency.id, results);
  await services.plans.draft(actor, agency.id, DEMO_RESULTS_YEAR);
  // E-services: street lights, petitions and complaints handled by the engineering division, requests in every state.
  const engineering = (await services.agencies.listUnits(agency.id)).find((u) => u.nameTh === 'กองช่าง')?.id ?? null;
  await seedDemoEservices(services, agency.id, user, engineering);
  await extra(agency.id);
  // FY2566 measures carried out in mixed states, and their 6-month report (needs the plan above).
  await seedDemoTracking(services, agency.id);
  // The corruption-complaint channel: a handler with 2FA, the key, reports in mixed states, OIT links.
  const complaints = await seedDemoComplaints(
    {
      complaintsAt: services.complaintsAt,
      createUser: (agencyId, u) => services.users.createUser(SYSTEM_ACTOR, agencyId, { ...u, email: null, passwordConfirm: u.password, roles: ['complaint_custodian'], unitId: null }),
      catalogueYears: async () => (await services.catalogues.listYears()).map((y) => y.fiscalYear),
    },
    agency,
  );
  return { created: true, username: DEMO_USERNAME, password, agencyId: agency.id, deploymentAdmin, complaints };
}
