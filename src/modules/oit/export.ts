/** The ITAS export: one line per item of the year with its stable public URL and what it shows. */
import type { Agency } from '../agencies/index.js';
import { publicItemUrl, type OitContext } from './context.js';
import type { ItemState } from './model.js';
import type { ItasRow } from './domain/itas-export.js';

/** One line per item for ITAS: what the page shows, e.g. "ไฟล์ 2 รายการ, ลิงก์ 1 รายการ: รายงาน…; …". */
export function evidenceSummary(s: Pick<ItemState, 'evidence' | 'structured' | 'result'>, present: { executives: boolean; structure: boolean; contact: boolean }): string {
  const files = s.evidence.filter((e) => e.kind !== 'link').length;
  const links = s.evidence.filter((e) => e.kind === 'link').length;
  const parts: string[] = [];
  if (s.structured.includes('structured-executives') && present.executives) parts.push('ข้อมูลผู้บริหาร');
  if (s.structured.includes('structured-structure') && present.structure) parts.push('โครงสร้างหน่วยงาน');
  if (s.structured.includes('structured-contact') && present.contact) parts.push('ข้อมูลการติดต่อ');
  if (files) parts.push(`ไฟล์ ${files} รายการ`);
  if (links) parts.push(`ลิงก์ ${links} รายการ`);
  const titles = s.evidence.map((e) => e.title).slice(0, 5).join('; ');
  const head = parts.length ? parts.join(', ') : 'ยังไม่มีหลักฐาน';
  return `${head}${titles ? `: ${titles}` : ''} (ครบ ${s.result.satisfied}/${s.result.total} องค์ประกอบ)`;
}

export function exportUseCases(ctx: OitContext) {
  return {
    async exportRows(agencyId: string, year: number): Promise<{ agency: Agency; rows: ItasRow[] }> {
      const agency = await ctx.agencies.getAgency(agencyId);
      const view = await ctx.loadYear(agencyId, year, { withPeople: false });
      const base = ctx.config.publicBaseUrl.replace(/\/$/, '');
      return {
        agency,
        rows: view.items.map((s) => ({
          code: s.code,
          titleTh: s.item.titleTh,
          url: `${base}${publicItemUrl(agency.slug, year, s.code)}`,
          status: s.status,
          evidence: evidenceSummary(s, { executives: view.executives.length > 0, structure: !!view.structure, contact: !!view.contact }),
        })),
      };
    },
  };
}
