import { Layout } from '../../../ui/Layout.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import { withDigits } from '../../../shared/thai.js';
import type { Agency } from '../../agencies/domain/agency.js';
import type { AgencyOverview } from '../overview.js';

const M = messages({
  reportCorruption: { th: 'แจ้งเบาะแสการทุจริตและประพฤติมิชอบ (ไม่ต้องเปิดเผยตัวตน)', en: 'Report corruption (anonymously)' },
  demoNote: { th: 'หน่วยงานนี้เป็นข้อมูลสาธิต ไม่ใช่หน่วยงานจริง', en: 'Demo data, not a real agency.' },
  contact: { th: 'ติดต่อหน่วยงาน', en: 'Contact' },
  address: { th: 'ที่อยู่', en: 'Address' },
  phone: { th: 'โทรศัพท์', en: 'Phone' },
  email: { th: 'อีเมล', en: 'E-mail' },
  website: { th: 'เว็บไซต์หลัก', en: 'Main website' },
  oit: { th: 'การเปิดเผยข้อมูลสาธารณะ (OIT)', en: 'Public disclosure (OIT)' },
  oitYear: { th: 'ข้อมูลประจำปีงบประมาณ พ.ศ.', en: 'Fiscal year' },
  measures: { th: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', en: 'Integrity and transparency measures' },
  fromResults: { th: 'จากผลการประเมิน ITA ปีงบประมาณ พ.ศ.', en: 'From the ITA results of fiscal year' },
  none: { th: 'ยังไม่มีเอกสารเผยแพร่', en: 'Nothing published yet' },
});

export function AgencyHomePage({ ctx, agency, overview }: { ctx: PageContext; agency: Agency; overview: AgencyOverview }) {
  const L = ctx.locale;
  const y = (n: number) => withDigits(String(n), agency.digits);
  return (
    <Layout ctx={ctx} title={agency.nameTh} variant="public">
      <h1>{agency.nameTh}</h1>
      {agency.isDemo && <div class="notice notice-info">{tr(L, M.demoNote)}</div>}
      <p>
        {/* The corruption channel is its own page, separate from any general complaint or e-service flow (OIT). */}
        <a href={`/a/${agency.slug}/report-corruption`}>{tr(L, M.reportCorruption)}</a>
      </p>
      <h2>{tr(L, M.oit)}</h2>
      {overview.oitYears.length ? (
        <ul>
          {overview.oitYears.map((year) => (
            <li>
              <a href={`/a/${agency.slug}/oit/${year}`}>
                {tr(L, M.oitYear)} {y(year)}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{tr(L, M.none)}</p>
      )}
      <h2>{tr(L, M.measures)}</h2>
      {overview.publishedMeasures.length ? (
        <ul>
          {overview.publishedMeasures.map((year) => (
            <li>
              <a href={`/a/${agency.slug}/ita/${year}/measures`}>
                {tr(L, M.fromResults)} {y(year)}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{tr(L, M.none)}</p>
      )}
      <h2>{tr(L, M.contact)}</h2>
      <dl class="summary-list">
        {agency.address && (
          <>
            <dt>{tr(L, M.address)}</dt>
            <dd>{agency.address}</dd>
          </>
        )}
        {agency.phone && (
          <>
            <dt>{tr(L, M.phone)}</dt>
            <dd>
              <a href={`tel:${agency.phone.replace(/[^0-9+]/g, '')}`}>{agency.phone}</a>
            </dd>
          </>
        )}
        {agency.email && (
          <>
            <dt>{tr(L, M.email)}</dt>
            <dd>
              <a href={`mailto:${agency.email}`}>{agency.email}</a>
            </dd>
          </>
        )}
        {agency.websiteUrl && (
          <>
            <dt>{tr(L, M.website)}</dt>
            <dd>
              <a href={agency.websiteUrl}>{agency.websiteUrl}</a>
            </dd>
          </>
        )}
      </dl>
    </Layout>
  );
}
