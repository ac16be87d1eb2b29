/**
 * Staff pages of the agency: profile, units and executives. Every signed-in member of staff may
 * read them; changes need agency.manage. POST → validate → 400 with the entered values, or 303.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import { requirePermission, requireUser, staff } from '../../platform/guards.js';
import { pageContext, redirect } from '../../platform/request-context.js';
import { actorOf } from '../../platform/audit.js';
import { sendPage } from '../../ui/render.js';
import { tr } from '../../ui/i18n.js';
import { DomainError, type FieldError } from '../../shared/errors.js';
import { zodToFieldErrors } from '../../shared/zod-errors.js';
import { agencyProfileSchema, executiveSchema, unitSchema } from './schemas.js';
import type { AgenciesService } from './service.js';
import { AgencyProfilePage, PROFILE_MESSAGES, profileValues } from './views/AgencyProfilePage.js';
import { UnitEditPage, UnitsPage, UNIT_MESSAGES } from './views/UnitsPage.js';
import { EXECUTIVE_MESSAGES, ExecutiveEditPage, ExecutivesPage, executiveValues } from './views/ExecutivesPage.js';

export interface AgenciesRoutesOptions extends Record<string, unknown> {
  agencies: AgenciesService;
}

type IdParams = { Params: { id: string } };


/** The submitted form as strings (the first of repeated keys), without the CSRF token. */
function formFields(body: unknown): Record<string, string> {
  const entries = Object.entries((body ?? {}) as Record<string, unknown>).filter(([k]) => k !== '_csrf');
  return Object.fromEntries(entries.map(([k, v]) => [k, String((Array.isArray(v) ? v[0] : v) ?? '')]));
}

/**
 * Parses `values` with `schema` and runs the use case; returns the field errors to show again
 * (from the schema or from the service's own validation), or null when the change was made.
 */
async function submit<S extends z.ZodType>(schema: S, values: unknown, run: (input: z.output<S>) => Promise<unknown>): Promise<FieldError[] | null> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) return zodToFieldErrors(parsed.error);
  try {
    await run(parsed.data);
    return null;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'VALIDATION') {
      return error.fieldErrors.length > 0 ? error.fieldErrors : [{ field: '', message: error.message }];
    }
    throw error;
  }
}

export const agenciesRoutes: FastifyPluginAsync<AgenciesRoutesOptions> = async (app, { agencies }) => {
  const read = { preHandler: requireUser };
  const manage = { preHandler: requirePermission('agency.manage') };

  // Profile
  app.get('/admin/agency', read, async (request, reply) => {
    const { agency } = staff(request);
    return sendPage(reply, <AgencyProfilePage ctx={pageContext(request, reply)} agency={agency} values={profileValues(agency)} />);
  });

  app.post('/admin/agency', manage, async (request, reply) => {
    const { user, agency } = staff(request);
    const values = formFields(request.body);
    const errors = await submit(agencyProfileSchema, values, (input) => agencies.updateProfile(actorOf(user), agency.id, input));
    if (errors) return sendPage(reply, <AgencyProfilePage ctx={pageContext(request, reply)} agency={agency} values={values} errors={errors} />, 400);
    return redirect(reply, '/admin/agency', tr(request.locale, PROFILE_MESSAGES.saved));
  });

  // Units
  app.get('/admin/agency/units', read, async (request, reply) => {
    const { agency } = staff(request);
    return sendPage(reply, <UnitsPage ctx={pageContext(request, reply)} units={await agencies.listUnits(agency.id)} values={{}} />);
  });

  app.post('/admin/agency/units', manage, async (request, reply) => {
    const { user, agency } = staff(request);
    const values = formFields(request.body);
    const errors = await submit(unitSchema, values, (input) => agencies.addUnit(actorOf(user), agency.id, input.nameTh, input.sortOrder));
    if (errors) {
      const units = await agencies.listUnits(agency.id);
      return sendPage(reply, <UnitsPage ctx={pageContext(request, reply)} units={units} values={values} errors={errors} />, 400);
    }
    return redirect(reply, '/admin/agency/units', tr(request.locale, UNIT_MESSAGES.added));
  });

  app.get<IdParams>('/admin/agency/units/:id', manage, async (request, reply) => {
    const { agency } = staff(request);
    const unit = await agencies.getUnit(agency.id, request.params.id);
    const values = { nameTh: unit.nameTh, sortOrder: String(unit.sortOrder) };
    return sendPage(reply, <UnitEditPage ctx={pageContext(request, reply)} unitId={unit.id} values={values} />);
  });

  app.post<IdParams>('/admin/agency/units/:id', manage, async (request, reply) => {
    const { user, agency } = staff(request);
    const unit = await agencies.getUnit(agency.id, request.params.id);
    const values = formFields(request.body);
    const errors = await submit(unitSchema, values, (input) => agencies.updateUnit(actorOf(user), agency.id, unit.id, input.nameTh, input.sortOrder));
    if (errors) return sendPage(reply, <UnitEditPage ctx={pageContext(request, reply)} unitId={unit.id} values={values} errors={errors} />, 400);
    return redirect(reply, '/admin/agency/units', tr(request.locale, UNIT_MESSAGES.saved));
  });

  app.post<IdParams>('/admin/agency/units/:id/delete', manage, async (request, reply) => {
    const { user, agency } = staff(request);
    await agencies.removeUnit(actorOf(user), agency.id, request.params.id);
    return redirect(reply, '/admin/agency/units', tr(request.locale, UNIT_MESSAGES.removed));
  });

  // Executives
  const newExecutive = { kind: 'political', sortOrder: '' };

  app.get('/admin/agency/executives', read, async (request, reply) => {
    const { agency } = staff(request);
    const executives = await agencies.listExecutives(agency.id);
    return sendPage(reply, <ExecutivesPage ctx={pageContext(request, reply)} executives={executives} values={newExecutive} />);
  });

  app.post('/admin/agency/executives', manage, async (request, reply) => {
    const { user, agency } = staff(request);
    const values = formFields(request.body);
    const errors = await submit(executiveSchema, values, (input) => agencies.addExecutive(actorOf(user), agency.id, input));
    if (errors) {
      const executives = await agencies.listExecutives(agency.id);
      return sendPage(reply, <ExecutivesPage ctx={pageContext(request, reply)} executives={executives} values={values} errors={errors} />, 400);
    }
    return redirect(reply, '/admin/agency/executives', tr(request.locale, EXECUTIVE_MESSAGES.added));
  });

  app.get<IdParams>('/admin/agency/executives/:id', manage, async (request, reply) => {
    const { agency } = staff(request);
    const executive = await agencies.getExecutive(agency.id, request.params.id);
    return sendPage(reply, <ExecutiveEditPage ctx={pageContext(request, reply)} executiveId={executive.id} values={executiveValues(executive)} />);
  });

  app.post<IdParams>('/admin/agency/executives/:id', manage, async (request, reply) => {
    const { user, agency } = staff(request);
    const executive = await agencies.getExecutive(agency.id, request.params.id);
    const values = formFields(request.body);
    // The photo is left as it is (undefined): it is managed with the OIT pages.
    const errors = await submit(executiveSchema, values, (input) => agencies.updateExecutive(actorOf(user), agency.id, executive.id, input));
    if (errors) return sendPage(reply, <ExecutiveEditPage ctx={pageContext(request, reply)} executiveId={executive.id} values={values} errors={errors} />, 400);
    return redirect(reply, '/admin/agency/executives', tr(request.locale, EXECUTIVE_MESSAGES.saved));
  });

  app.post<IdParams>('/admin/agency/executives/:id/delete', manage, async (request, reply) => {
    const { user, agency } = staff(request);
    await agencies.removeExecutive(actorOf(user), agency.id, request.params.id);
    return redirect(reply, '/admin/agency/executives', tr(request.locale, EXECUTIVE_MESSAGES.removed));
  });
};
