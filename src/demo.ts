/**
 * The demo agency: a clearly labelled example with the FY2565 results that a real municipality
 * published, an improvement plan drafted from them, executives with one gap (no permanent-staff
 * executive, as that municipality lost O2 for), so a newcomer sees every check at work.
 * This file only creates the agency and its administrator; each module fills its own part
 * through the `seedDemo` hook of its manifest, in the order modules are listed in src/app.ts.
 */
import { randomBytes } from 'node:crypto';
import type { Services } from './app.js';
import { actorOf, SYSTEM_ACTOR } from './platform/audit.js';
import type { ModuleManifest } from './platform/module.js';
import type { DemoComplaintsOutcome } from './modules/complaints/index.js';

export const DEMO_SLUG = 'demo';
export const DEMO_USERNAME = 'demo';
export const DEMO_RESULTS_YEAR = 2565;

export type DemoOutcome =
  | { created: false }
  | { created: true; username: string; password: string; agencyId: string; deploymentAdmin: boolean; complaints: DemoComplaintsOutcome; outcomes: Record<string, unknown> };

/**
 * `as` names another copy of the demo (tests load two agencies with the same data to check that
 * nothing crosses between them); the CLI loads the one demo agency.
 */
export async function seedDemo(
  services: Services,
  manifests: readonly Pick<ModuleManifest<any>, 'name' | 'seedDemo'>[],
  as: { slug: string; nameTh: string } = { slug: DEMO_SLUG, nameTh: 'เทศบาลตำบลตัวอย่าง (ข้อมูลสาธิต)' },
): Promise<DemoOutcome> {
  if (await services.agencies.findBySlug(as.slug)) return { created: false };
  const agency = await services.agencies.createAgency(
    SYSTEM_ACTOR,
    {
      slug: as.slug,
      nameTh: as.nameTh,
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
  const admin = await services.users.createUser(SYSTEM_ACTOR, agency.id, {
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
  const deploymentAdmin = await services.deployment.grantFirstAdministrator(admin.id, 'demo');
  const ctx = { agencyId: agency.id, agency, admin, actor: actorOf(admin), resultsYear: DEMO_RESULTS_YEAR };
  const outcomes: Record<string, unknown> = {};
  for (const m of manifests) if (m.seedDemo) outcomes[m.name] = await m.seedDemo(ctx);
  // The complaints hook returns its handler's one-time credentials for the CLI to print.
  const complaints = outcomes.complaints as DemoComplaintsOutcome;
  return { created: true, username: DEMO_USERNAME, password, agencyId: agency.id, deploymentAdmin, complaints, outcomes };
}
