/**
 * The public OIT portal of an agency: the year's index in catalogue order, and a page per item.
 * Plain server HTML (no script needed), readable on a phone. Evidence links use the entry's
 * stable id, so they keep working when a file is replaced.
 */
import type { ComponentChildren } from 'preact';
import { Layout } from '../../../ui/Layout.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import type { Agency } from '../../agencies/index.js';
import type { ItemState, YearView } from '../service.js';
import { ContactView, ExecutiveList, PM, StructureView, dateTh, fileLabel, nameSegment, periodTh } from './parts.js';

const M = messages({
  title: { th: 'การเปิดเผยข้อมูลสาธารณะ (OIT)', en: 'Open data (OIT)' },
  fy: { th: 'ประจำปีงบประมาณ พ.ศ.', en: 'Fiscal year' },
  lead: {
    th: 'ข้อมูลที่หน่วยงานเปิดเผยต่อสาธารณะตามแบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT) ของการประเมินคุณธรรมและความโปร่งใส (ITA)',
    en: 'What the agency discloses under the OIT part of the NACC Integrity and Transparency Assessment.',
  },
  pending: { th: 'อยู่ระหว่างจัดเตรียมข้อมูล', en: 'Being prepared' },
  notPublished: { th: 'หน่วยงานยังไม่ได้เผยแพร่ข้อมูลของรายการนี้', en: 'The agency has not published this item yet.' },
  index: { th: 'รายการทั้งหมดของปีนี้', en: 'All items of this year' },
  evidence: { th: 'เอกสารและลิงก์', en: 'Documents and links' },
  download: { th: 'ดาวน์โหลด', en: 'Download' },
  external: { th: 'ลิงก์ภายนอก', en: 'External link' },
  updated: { th: 'ปรับปรุงล่าสุด', en: 'Last updated' },
  executives: { th: 'ผู้บริหาร', en: 'Executives' },
  structure: { th: 'โครงสร้างหน่วยงาน', en: 'Structure' },
  contact: { th: 'ข้อมูลการติดต่อ', en: 'Contact' },
  years: { th: 'ปีงบประมาณ', en: 'Fiscal years' },
  otherYears: { th: 'ปีงบประมาณอื่น', en: 'Other fiscal years' },
});

export function PublicYearPage({ ctx, agency, view }: { ctx: PageContext; agency: Agency; view: YearView }) {
  const L = ctx.locale;
  const title = `${tr(L, M.title)} ${tr(L, M.fy)} ${view.year}`;
  // Group by sub-indicator and heading, keeping the catalogue's order.
  const groups: { key: string; label: string; items: ItemState[] }[] = [];
  for (const s of view.items) {
    const key = `${s.item.subIndicator} ${s.item.groupTh}`;
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.items.push(s);
    else groups.push({ key, label: s.item.groupTh || s.item.subIndicator, items: [s] });
  }
  return (
    <Layout ctx={ctx} title={title} variant="public">
      <h1>{title}</h1>
      <p class="lead">{tr(L, M.lead)}</p>
      <p>
        <a href={`/a/${agency.slug}/oit`}>{tr(L, M.otherYears)}</a>
      </p>
      {groups.map((g) => (
        <section>
          <h2>{g.label}</h2>
          <ul class="oit-index">
            {g.items.map((s) => (
              <li>
                <a href={`/a/${agency.slug}/oit/${view.year}/${s.code}`}>
                  {s.code} {s.item.titleTh}
                </a>
                {s.status !== 'published' && <span class="hint"> ({tr(L, M.pending)})</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

export function PublicYearsPage({ ctx, agency, years }: { ctx: PageContext; agency: Agency; years: number[] }) {
  const L = ctx.locale;
  return (
    <Layout ctx={ctx} title={tr(L, M.title)} variant="public">
      <h1>{tr(L, M.title)}</h1>
      <ul>
        {years.map((y) => (
          <li>
            <a href={`/a/${agency.slug}/oit/${y}`}>
              {tr(L, M.fy)} {y}
            </a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function PublicItemPage({ ctx, agency, view, state, pager }: { ctx: PageContext; agency: Agency; view: YearView; state: ItemState; pager?: ComponentChildren }) {
  const L = ctx.locale;
  const title = `${state.code} ${state.item.titleTh}`;
  const published = state.status === 'published';
  const fileUrl = (fileId: string, name: string) => `/a/${agency.slug}/files/${fileId}/${nameSegment(name)}`;
  const lastChange = [state.publishedAt, ...state.evidence.map((e) => e.updatedAt)].filter(Boolean).sort().pop() ?? null;
  return (
    <Layout ctx={ctx} title={title} variant="public">
      <p>
        <a href={`/a/${agency.slug}/oit/${view.year}`}>
          {tr(L, M.index)} ({tr(L, M.fy)} {view.year})
        </a>
      </p>
      <h1>{title}</h1>
      <p class="lead">
        {state.item.subIndicator} {state.item.groupTh}
      </p>
      {!published ? (
        <div class="notice notice-info">{tr(L, M.notPublished)}</div>
      ) : (
        <>
          {state.structured.includes('structured-structure') && view.structure && (
            <section>
              <h2>{tr(L, M.structure)}</h2>
              <StructureView structure={view.structure} locale={L} chartUrl={view.structure.chartFileId ? fileUrl(view.structure.chartFileId, 'chart') : null} />
            </section>
          )}
          {state.structured.includes('structured-executives') && (
            <section>
              <h2>{tr(L, M.executives)}</h2>
              <ExecutiveList executives={view.executives} locale={L} photoUrl={(e) => (e.photoFileId ? fileUrl(e.photoFileId, 'photo') : null)} />
            </section>
          )}
          {state.structured.includes('structured-contact') && view.contact && (
            <section>
              <h2>{tr(L, M.contact)}</h2>
              <ContactView contact={view.contact} locale={L} />
            </section>
          )}
          {state.evidence.length > 0 && (
            <section>
              <h2>{tr(L, M.evidence)}</h2>
              {pager}
              <ul class="list-plain">
                {state.evidence.map((ev) => (
                  <li class="card">
                    <p>
                      <strong>{ev.title}</strong>
                    </p>
                    {ev.periodFrom && (
                      <p>
                        {tr(L, PM.period)}: {periodTh(ev.periodFrom, ev.periodTo, L)}
                      </p>
                    )}
                    {ev.file ? (
                      <p>
                        <a href={`/a/${agency.slug}/oit/${view.year}/${state.code}/evidence/${ev.id}/${nameSegment(ev.file.name)}`}>
                          {tr(L, M.download)} {ev.file.name}
                        </a>{' '}
                        <span class="hint">({fileLabel(ev.file, L)})</span>
                      </p>
                    ) : ev.url ? (
                      <p>
                        <a href={ev.url} rel="noopener">
                          {ev.url}
                        </a>{' '}
                        <span class="hint">({tr(L, M.external)})</span>
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {lastChange && (
            <p class="hint">
              {tr(L, M.updated)} {dateTh(lastChange, L)}
            </p>
          )}
        </>
      )}
    </Layout>
  );
}
