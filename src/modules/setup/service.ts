/**
 * First run: the console prints a one-time link; whoever holds it creates the agency and its
 * first administrator in one transaction. There is no default password anywhere.
 */
import { withDeploymentScope } from '../../platform/tenant.js';
import type { Kysely } from 'kysely';
import type { SharedTransaction } from '../../db/narrow.js';
import { z } from 'zod';
import { validationError } from '../../shared/errors.js';
import { zodToFieldErrors } from '../../shared/zod-errors.js';
import type { AgenciesService } from '../agencies/index.js';
import type { UsersService } from '../users/index.js';
import { newAgencySchema } from '../agencies/index.js';
import { firstAdminSchema } from '../users/index.js';
import type { User } from '../users/index.js';

export const setupSchema = z.object({
  agency: newAgencySchema,
  units: z
    .string()
    .transform((s) => s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))
    .pipe(z.array(z.string().max(200)).min(1, 'กรุณาระบุหน่วยงานย่อยอย่างน้อยหนึ่งหน่วย')),
  admin: firstAdminSchema,
});

/** Flat form fields (agency.nameTh, admin.password …) → the nested setup input. */
export function setupFormToInput(body: Record<string, unknown>) {
  const pick = (prefix: string) =>
    Object.fromEntries(Object.entries(body).filter(([k]) => k.startsWith(`${prefix}.`)).map(([k, v]) => [k.slice(prefix.length + 1), v]));
  return { agency: pick('agency'), admin: pick('admin'), units: body.units ?? '' };
}

export interface SetupDeps {
  /** Setup's one transaction spans agencies and users; each narrows it to its own tables. */
  db: Kysely<any>;
  agencies: AgenciesService;
  users: UsersService;
  /** The first administrator of an install also administers the deployment (granted in the same transaction). */
  onFirstAdministrator?: (tx: SharedTransaction, userId: string) => Promise<unknown>;
}

export function setupService(deps: SetupDeps) {
  return {
    isSetupTokenValid: (token: string) => deps.users.isSetupTokenValid(token),
    /** Whether the install already has an account (setup is then closed for good). */
    isSetupDone: async () => (await deps.users.countUsers()) > 0,
    async completeSetup(token: string, raw: unknown): Promise<{ user: User; sessionToken: string }> {
      const parsed = setupSchema.safeParse(raw);
      if (!parsed.success) throw validationError('กรุณาตรวจสอบข้อมูลที่กรอก', zodToFieldErrors(parsed.error));
      const { agency, units, admin } = parsed.data;
      // First-run setup creates the first agency and account: deployment-wide by nature.
      const user = await withDeploymentScope('setup', () => deps.db.transaction().execute(async (tx) => {
        const installer = { userId: null, label: 'ผู้ติดตั้งระบบ' };
        const created = await deps.agencies.createAgency(installer, agency, units, { db: tx });
        const first = await deps.users.completeSetup(tx, token, created.id, admin);
        await deps.onFirstAdministrator?.(tx, first.id);
        return first;
      }));
      return { user, sessionToken: await withDeploymentScope('setup', () => deps.users.createSession(user.agencyId, user.id)) };
    },
  };
}
export type SetupService = ReturnType<typeof setupService>;
