/**
 * Staff account administration (users.manage) and changing one's own password (any signed-in
 * user). The rule that administrators cannot demote or disable themselves lives in the service;
 * these routes only show its refusal next to the roles field.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { requirePermission, requireUser, staff } from '../../platform/guards.js';
import { pageContext, redirect, SESSION_COOKIE } from '../../platform/request-context.js';
import { sessionCookieOptions } from '../../platform/http.js';
import type { Config } from '../../config/index.js';
import { ROLES } from '../../shared/permissions.js';
import { sendPage } from '../../ui/render.js';
import { tr, type Locale } from '../../ui/i18n.js';
import { DomainError, notFound, type FieldError } from '../../shared/errors.js';
import { zodToFieldErrors } from '../../shared/zod-errors.js';
import type { AgenciesService } from '../agencies/index.js';
import { changePasswordSchema, newUserSchema } from './schemas.js';
import { actorOf, type UsersService } from './service.js';
import { UsersListPage } from './views/UsersListPage.js';
import { EditUserPage, NewUserPage, USER_FORM_MESSAGES, type UserFormValues } from './views/UserFormPages.js';
import { ChangePasswordPage, PASSWORD_MESSAGES } from './views/ChangePasswordPage.js';

export interface UsersAdminRoutesOptions extends Record<string, unknown> {
  users: UsersService;
  /** Units come from the agencies module: for the unit select and to check the chosen unit. */
  units: Pick<AgenciesService, 'listUnits'>;
  /** For the session cookie's options when a password change renews the session. */
  config: Config;
}

type IdParams = { Params: { id: string } };

/** Roles, unit and status of an existing account (the edit form). */
const userAccessSchema = z.object({
  roles: z.array(z.enum(ROLES, { message: 'บทบาทไม่ถูกต้อง' })).min(1, 'กรุณาเลือกบทบาทอย่างน้อยหนึ่งบทบาท'),
  unitId: z.string().optional().transform((v) => (v ? v : null)),
  disabled: z.boolean(),
});

const text = (v: unknown): string => String((Array.isArray(v) ? v[0] : v) ?? '');
/** Checkboxes arrive as a string for one ticked box and an array for several. */
const list = (v: unknown): string[] => (v === undefined || v === null || v === '' ? [] : (Array.isArray(v) ? v : [v]).map(String));

function formValues(body: unknown): UserFormValues {
  const b = (body ?? {}) as Record<string, unknown>;
  return {
    username: text(b.username),
    displayName: text(b.displayName),
    email: text(b.email),
    roles: list(b.roles),
    unitId: text(b.unitId),
    disabled: text(b.disabled) === '1',
  };
}

const serviceFieldErrors = (error: unknown): FieldError[] => {
  if (error instanceof DomainError && error.code === 'VALIDATION') {
    return error.fieldErrors.length > 0 ? error.fieldErrors : [{ field: '', message: error.message }];
  }
  throw error;
};

export const usersAdminRoutes: FastifyPluginAsync<UsersAdminRoutesOptions> = async (app, { users, units, config }) => {
  const manage = { preHandler: requirePermission('users.manage') };

  async function unitCheck(agencyId: string, unitId: string, locale: Locale): Promise<FieldError[]> {
    if (!unitId || (await units.listUnits(agencyId)).some((u) => u.id === unitId)) return [];
    return [{ field: 'unitId', message: tr(locale, USER_FORM_MESSAGES.unitInvalid) }];
  }

  async function accountOf(agencyId: string, id: string) {
    // Looked up within the agency: an account of another agency is as good as missing.
    return users.getUser(agencyId, id);
  }

  app.get('/admin/users', manage, async (request, reply) => {
    const { user, agency } = staff(request);
    const [all, unitList] = await Promise.all([users.listUsers(agency.id), units.listUnits(agency.id)]);
    const unitNames = new Map(unitList.map((u) => [u.id, u.nameTh]));
    return sendPage(reply, <UsersListPage ctx={pageContext(request, reply)} users={all} unitNames={unitNames} currentUserId={user.id} />);
  });

  app.get('/admin/users/new', manage, async (request, reply) => {
    const { agency } = staff(request);
    const values: UserFormValues = { roles: [], unitId: '' };
    return sendPage(reply, <NewUserPage ctx={pageContext(request, reply)} units={await units.listUnits(agency.id)} values={values} />);
  });

  app.post('/admin/users', manage, async (request, reply) => {
    const { user, agency } = staff(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = formValues(body);
    const parsed = newUserSchema.safeParse({
      username: values.username,
      displayName: values.displayName,
      email: values.email,
      password: text(body.password),
      passwordConfirm: text(body.passwordConfirm),
      roles: values.roles,
      unitId: values.unitId,
    });
    let errors = [...(parsed.success ? [] : zodToFieldErrors(parsed.error)), ...(await unitCheck(agency.id, values.unitId, request.locale))];
    if (parsed.success && errors.length === 0) {
      try {
        const created = await users.createUser(actorOf(user), agency.id, parsed.data);
        return redirect(reply, '/admin/users', `${tr(request.locale, USER_FORM_MESSAGES.created)}: ${created.username}`);
      } catch (error) {
        errors = serviceFieldErrors(error);
      }
    }
    const unitList = await units.listUnits(agency.id);
    return sendPage(reply, <NewUserPage ctx={pageContext(request, reply)} units={unitList} values={values} errors={errors} />, 400);
  });

  app.get<IdParams>('/admin/users/:id', manage, async (request, reply) => {
    const { user, agency } = staff(request);
    const account = await accountOf(agency.id, request.params.id);
    const values: UserFormValues = { roles: account.roles, unitId: account.unitId ?? '', disabled: account.disabled };
    return sendPage(
      reply,
      <EditUserPage ctx={pageContext(request, reply)} user={account} isSelf={account.id === user.id} units={await units.listUnits(agency.id)} values={values} />,
    );
  });

  app.post<IdParams>('/admin/users/:id', manage, async (request, reply) => {
    const { user, agency } = staff(request);
    const account = await accountOf(agency.id, request.params.id);
    const values = formValues(request.body);
    const parsed = userAccessSchema.safeParse({ roles: values.roles, unitId: values.unitId, disabled: values.disabled });
    let errors = [...(parsed.success ? [] : zodToFieldErrors(parsed.error)), ...(await unitCheck(agency.id, values.unitId, request.locale))];
    if (parsed.success && errors.length === 0) {
      try {
        const actor = actorOf(user);
        // Roles first: the service may refuse them (self-demotion), and then nothing has changed.
        await users.setRoles(actor, agency.id, account.id, parsed.data.roles, parsed.data.disabled);
        await users.setUnit(actor, agency.id, account.id, parsed.data.unitId);
        return redirect(reply, '/admin/users', `${tr(request.locale, USER_FORM_MESSAGES.saved)}: ${account.username}`);
      } catch (error) {
        errors = serviceFieldErrors(error);
      }
    }
    const unitList = await units.listUnits(agency.id);
    return sendPage(
      reply,
      <EditUserPage ctx={pageContext(request, reply)} user={account} isSelf={account.id === user.id} units={unitList} values={values} errors={errors} />,
      400,
    );
  });

  app.get('/admin/account/password', { preHandler: requireUser }, async (request, reply) =>
    sendPage(reply, <ChangePasswordPage ctx={pageContext(request, reply)} />),
  );

  // Rate limited like sign-in: a stolen session must not become a way to guess the password.
  app.post(
    '/admin/account/password',
    { preHandler: requireUser, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const { user } = staff(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const parsed = changePasswordSchema.safeParse({
        currentPassword: text(body.currentPassword),
        password: text(body.password),
        passwordConfirm: text(body.passwordConfirm),
      });
      let errors: FieldError[];
      if (parsed.success) {
        try {
          // Every other session ends; this browser continues on a fresh session token.
          const token = await users.changePassword(user, parsed.data.currentPassword, parsed.data.password);
          reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config));
          return redirect(reply, '/admin', tr(request.locale, PASSWORD_MESSAGES.changed));
        } catch (error) {
          errors = serviceFieldErrors(error);
        }
      } else {
        errors = zodToFieldErrors(parsed.error);
      }
      return sendPage(reply, <ChangePasswordPage ctx={pageContext(request, reply)} errors={errors} />, 400);
    },
  );
};

/** The manifest: user administration for users.manage, password change for every signed-in user. */
