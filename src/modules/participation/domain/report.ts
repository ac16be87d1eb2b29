/**
 * Participation, pure: activity kinds, the participant groups text ("กลุ่ม|จำนวน" a line), and
 * the four elements OIT asks of the participation report — the issue, who took part (counts by
 * group, no names), what came out of it, how the result was used.
 */
import type { FieldError } from '../../../shared/errors.js';

export const ACTIVITY_KINDS = ['plan-hearing', 'budget-hearing', 'community-project', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  'plan-hearing': 'ประชาคมรับฟังความคิดเห็นต่อแผนพัฒนา',
  'budget-hearing': 'รับฟังความคิดเห็นต่อการจัดทำงบประมาณ',
  'community-project': 'โครงการ/กิจกรรมร่วมกับชุมชน',
  other: 'การมีส่วนร่วมรูปแบบอื่น',
};

export interface ParticipantGroup {
  group: string;
  count: number;
}

/** Parses "กลุ่ม|จำนวน" lines; a bad line gives a Thai message naming the line. */
export function parseGroups(text: string): { groups: ParticipantGroup[]; errors: FieldError[] } {
  const groups: ParticipantGroup[] = [];
  const errors: FieldError[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const m = /^\s*(.+?)\s*[|｜]\s*([0-9๐-๙,]+)\s*$/.exec(line);
    const count = m ? Number(m[2]!.replace(/,/g, '').replace(/[๐-๙]/g, (c) => String(c.charCodeAt(0) - 0x0e50))) : NaN;
    if (!m || !Number.isInteger(count) || count < 0 || count > 1_000_000) errors.push({ field: 'groups', message: `บรรทัดที่ ${i + 1}: ต้องเป็น "กลุ่มผู้เข้าร่วม|จำนวนคน" เช่น ผู้นำชุมชน|12` });
    else if (m[1]!.length > 200) errors.push({ field: 'groups', message: `บรรทัดที่ ${i + 1}: ชื่อกลุ่มยาวเกิน 200 ตัวอักษร` });
    else groups.push({ group: m[1]!, count });
  });
  return { groups, errors };
}

export const groupsText = (groups: readonly ParticipantGroup[]): string => groups.map((g) => `${g.group}|${g.count}`).join('\n');

export interface ReportElements {
  issue: string;
  groups: ParticipantGroup[];
  outcome: string;
  useOfResult: string;
}

/** What is still missing before the report can be produced (empty when all four are there). */
export function missingElements(e: ReportElements): FieldError[] {
  const missing: FieldError[] = [];
  if (!e.issue.trim()) missing.push({ field: 'issue', message: 'กรุณาระบุประเด็นที่เปิดให้มีส่วนร่วม' });
  if (!e.groups.some((g) => g.count > 0)) missing.push({ field: 'groups', message: 'กรุณาระบุผู้เข้าร่วม (กลุ่มและจำนวน) อย่างน้อยหนึ่งกลุ่ม' });
  if (!e.outcome.trim()) missing.push({ field: 'outcome', message: 'กรุณาระบุผลที่ได้จากการมีส่วนร่วม' });
  if (!e.useOfResult.trim()) missing.push({ field: 'useOfResult', message: 'กรุณาระบุการนำผลไปใช้' });
  return missing;
}

export const totalParticipants = (groups: readonly ParticipantGroup[]): number => groups.reduce((a, g) => a + g.count, 0);
