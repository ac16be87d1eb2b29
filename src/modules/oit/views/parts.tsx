/** Small pieces shared by the OIT staff and public pages. Props in, markup out. */
import type { ComponentChildren } from 'preact';
import { Tag } from '../../../ui/components.js';
import { messages, tr, type Locale } from '../../../ui/i18n.js';
import { formatThaiDate } from '../../../shared/thai.js';
import { STATUS_LABELS, type ContactContent, type OitStatus, type StructureContent } from '../domain/checks.js';
import type { Executive } from '../../agencies/index.js';
import type { EvidenceFile } from '../service.js';

export const PM = messages({
  political: { th: 'ฝ่ายการเมือง', en: 'Political' },
  permanent: { th: 'ฝ่ายข้าราชการประจำ', en: 'Permanent staff' },
  phone: { th: 'โทรศัพท์', en: 'Phone' },
  email: { th: 'อีเมล', en: 'E-mail' },
  fax: { th: 'โทรสาร', en: 'Fax' },
  address: { th: 'ที่อยู่', en: 'Address' },
  map: { th: 'แผนที่ตั้ง', en: 'Map' },
  hours: { th: 'เวลาทำการ', en: 'Opening hours' },
  photoOf: { th: 'รูปถ่าย', en: 'Photo of' },
  noPhoto: { th: 'ยังไม่มีรูปถ่าย', en: 'No photo yet' },
  chart: { th: 'แผนผังโครงสร้าง', en: 'Organisation chart' },
  period: { th: 'ช่วงเวลาที่ครอบคลุม', en: 'Period covered' },
  noText: { th: 'PDF ไม่มีชั้นข้อความ (ภาพสแกน)', en: 'PDF without a text layer (scan)' },
  version: { th: 'ฉบับที่', en: 'version' },
  kb: { th: 'กิโลไบต์', en: 'KB' },
  mb: { th: 'เมกะไบต์', en: 'MB' },
});

export function StatusTag({ status, locale }: { status: OitStatus; locale: Locale }) {
  const tone = status === 'published' ? 'good' : status === 'ready' ? 'good' : status === 'in_progress' ? 'warn' : 'neutral';
  return <Tag tone={tone}>{tr(locale, STATUS_LABELS[status])}</Tag>;
}

export const dateTh = (iso: string | null | undefined, locale: Locale = 'th'): string =>
  iso ? formatThaiDate(iso, { style: 'short', locale }) : ''; // a timestamp is dated by the Thai day

export const periodTh = (from: string | null, to: string | null, locale: Locale = 'th'): string =>
  from && to ? `${dateTh(from, locale)} – ${dateTh(to, locale)}` : '';

export function sizeText(bytes: number, locale: Locale): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} ${tr(locale, PM.mb)}`;
  return `${Math.max(1, Math.round(bytes / 1024))} ${tr(locale, PM.kb)}`;
}

export function fileLabel(file: Pick<EvidenceFile, 'kind' | 'sizeBytes'>, locale: Locale): string {
  const kind = file.kind ? file.kind.toUpperCase() : 'FILE';
  return `${kind}, ${sizeText(file.sizeBytes, locale)}`;
}

/** A URL path segment for a file name (kept readable; the server ignores it). */
export const nameSegment = (name: string): string => encodeURIComponent(name.replace(/[/\\?#]/g, '_'));

export function ExecutiveList({ executives, locale, photoUrl, actions }: { executives: Executive[]; locale: Locale; photoUrl: (e: Executive) => string | null; actions?: (e: Executive) => ComponentChildren }) {
  const groups: ['political' | 'permanent', Executive[]][] = [
    ['political', executives.filter((e) => e.kind === 'political')],
    ['permanent', executives.filter((e) => e.kind === 'permanent')],
  ];
  return (
    <>
      {groups.map(([kind, list]) =>
        list.length === 0 ? null : (
          <section>
            <h3>{tr(locale, PM[kind])}</h3>
            <ul class="list-plain cards">
              {list.map((e) => {
                const url = photoUrl(e);
                return (
                  <li class="card">
                    {url ? <img src={url} alt={`${tr(locale, PM.photoOf)} ${e.nameTh}`} width={160} height={200} loading="lazy" /> : <p class="hint">{tr(locale, PM.noPhoto)}</p>}
                    <p class="card-label">{e.positionTh}</p>
                    <p>
                      <strong>{e.nameTh}</strong>
                    </p>
                    {e.phone && (
                      <p>
                        {tr(locale, PM.phone)}: <a href={`tel:${e.phone.replace(/[^0-9+]/g, '')}`}>{e.phone}</a>
                      </p>
                    )}
                    {e.email && (
                      <p>
                        {tr(locale, PM.email)}: <a href={`mailto:${e.email}`}>{e.email}</a>
                      </p>
                    )}
                    {actions?.(e)}
                  </li>
                );
              })}
            </ul>
          </section>
        ),
      )}
    </>
  );
}

export function StructureView({ structure, locale, chartUrl }: { structure: StructureContent; locale: Locale; chartUrl: string | null }) {
  return (
    <>
      {chartUrl && (
        <p>
          <a href={chartUrl}>{tr(locale, PM.chart)}</a>
        </p>
      )}
      <div class="cards">
        <section class="card">
          <h3>{tr(locale, PM.political)}</h3>
          <ul>
            {structure.political.map((l) => (
              <li>{l}</li>
            ))}
          </ul>
        </section>
        <section class="card">
          <h3>{tr(locale, PM.permanent)}</h3>
          <ul>
            {structure.permanent.map((l) => (
              <li>{l}</li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}

export function ContactView({ contact, locale }: { contact: ContactContent; locale: Locale }) {
  const rows: [string, ComponentChildren][] = [];
  if (contact.address) rows.push([tr(locale, PM.address), contact.address]);
  if (contact.phone) rows.push([tr(locale, PM.phone), <a href={`tel:${contact.phone.replace(/[^0-9+]/g, '')}`}>{contact.phone}</a>]);
  if (contact.fax) rows.push([tr(locale, PM.fax), contact.fax]);
  if (contact.email) rows.push([tr(locale, PM.email), <a href={`mailto:${contact.email}`}>{contact.email}</a>]);
  if (contact.hours) rows.push([tr(locale, PM.hours), contact.hours]);
  if (contact.mapUrl) rows.push([tr(locale, PM.map), <a href={contact.mapUrl}>{contact.mapUrl}</a>]);
  return (
    <dl>
      {rows.map(([k, v]) => (
        <>
          <dt>
            <strong>{k}</strong>
          </dt>
          <dd>{v}</dd>
        </>
      ))}
    </dl>
  );
}
