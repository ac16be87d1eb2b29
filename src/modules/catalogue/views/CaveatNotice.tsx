/**
 * The plain Thai notice of a year's unconfirmed catalogue facts, for any page that uses them
 * (other modules render it through the catalogue index).
 */
import type { Catalogue } from '../domain/schema.js';
import { catalogueCaveats, type CaveatFocus } from '../domain/caveats.js';

export function CatalogueCaveatNotice({ catalogue, focus = 'all', isAdmin = false }: { catalogue: Catalogue; focus?: CaveatFocus; isAdmin?: boolean }) {
  const c = catalogueCaveats(catalogue, focus);
  if (!c) return null;
  return (
    <div class="notice notice-warn catalogue-caveats" role="note" data-provisional={c.provisional ? 'true' : 'false'}>
      <p>
        <strong>{c.provisional ? `ข้อมูลชั่วคราว: แคตตาล็อก ITA ปี ${c.fiscalYear} ยังไม่ยืนยัน` : `บางข้อมูลในแคตตาล็อก ITA ปี ${c.fiscalYear} ยังไม่ยืนยัน`}</strong>
      </p>
      <ul>
        {c.facts.map((f) => (
          <li>{f}</li>
        ))}
      </ul>
      <p>
        {c.correctionTh}
        {isAdmin ? (
          <>
            {' '}
            <a href={`/admin/catalogue/${c.fiscalYear}`}>ไปที่แคตตาล็อกปี {c.fiscalYear}</a>
          </>
        ) : null}
      </p>
    </div>
  );
}
