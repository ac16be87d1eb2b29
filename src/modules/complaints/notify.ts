/**
 * "Something is waiting" to handlers by e-mail and LINE, when the agency turned it on and the
 * deployment has the channel (the calendar module's SMTP and LINE Messaging API, wired by the
 * composition root). The message is one fixed text: no content, category, channel, agency
 * detail or anything about the reporter — only that there is something to look at, and where.
 * Sent after the report is committed and never awaited by the reporter's request; a failure
 * leaves the in-app notice, which is always written.
 */
import { eligibleHandlers } from './domain/workflow.js';
import type { ComplaintOptions } from './staff-two-factor.js';

export interface HandlerNotifyChannels {
  email?: (to: string[], subject: string, text: string) => Promise<void>;
  /** Pushes `text` to a LINE user or group id through the deployment's LINE channel. */
  line?: (to: string, text: string) => Promise<void>;
}

export const WAITING_SUBJECT = '[Prongsai] มีเรื่องรอท่านดำเนินการ';
export const waitingText = (publicBaseUrl: string): string =>
  `มีเรื่องรอท่านดำเนินการในระบบ กรุณาเข้าสู่ระบบเพื่อดู\n${publicBaseUrl}/admin/complaints\n\nข้อความนี้ไม่มีรายละเอียดของเรื่องโดยเจตนา`;

export function waitingNotifier(deps: {
  channels?: HandlerNotifyChannels;
  options: (agencyId: string) => Promise<ComplaintOptions>;
  users: (agencyId: string) => Promise<{ id: string; email?: string | null }[]>;
  publicBaseUrl: string;
  onError?: (error: unknown) => void;
}) {
  async function send(agencyId: string, handlerIds: string[], excluded: string[]): Promise<void> {
    const { channels } = deps;
    if (!channels?.email && !channels?.line) return;
    const o = await deps.options(agencyId);
    const text = waitingText(deps.publicBaseUrl);
    if (o.notifyEmail && channels.email) {
      const eligible = new Set(eligibleHandlers(handlerIds, excluded));
      const to = (await deps.users(agencyId)).filter((u) => eligible.has(u.id) && u.email).map((u) => u.email!);
      // One message per handler: no handler learns who else handles complaints.
      for (const address of to) await channels.email([address], WAITING_SUBJECT, text);
    }
    // A LINE group may hold the very people a reporter excluded (or the executive named): for
    // such a report even "something is waiting" stays off the group.
    if (o.notifyLineTo && channels.line && excluded.length === 0) await channels.line(o.notifyLineTo, text);
  }
  /** Fire and forget: the caller's transaction has committed; nothing here may delay or fail it. */
  return (agencyId: string, handlerIds: string[], excluded: string[]): void => {
    send(agencyId, handlerIds, excluded).catch((error: unknown) => deps.onError?.(error));
  };
}
export type WaitingNotifier = ReturnType<typeof waitingNotifier>;
