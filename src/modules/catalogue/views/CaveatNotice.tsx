/**
 * The plain Thai notice of a year's unconfirmed catalogue facts, for any page that uses them
 * (other modules render it through the catalogue index). Numbers follow the agency's digits.
 */
import type { PageContext } from '../../../ui/context.js';
import { withDigits } from '../../../shared/thai.js';
import type { Catalogue } from '../domain/schema.js';
import { catalogueCaveats, type CaveatFocus } from '../domain/caveats.js';
import { digitsOf } from './shared.js';

export function CatalogueCaveatNotice({ ctx, catalogue, focus = 'all' }: { ctx: PageContext; catalogue: Catalogue; focus?: CaveatFocus }) {
  const c = catalogueCaveats(catalogue, focus);
  if (!c) return null;
  const d = (s: string) => withDigits(s, digitsOf(ctx));
  const y = d(String(c.fiscalYear));
  return (
    <div class="notice notice-warn catalogue-caveats" role="note" data-provisional={c.provisional ? 'true' : 'false'}>
      <p>
        <strong>{c.provisional ? `ข้อมูลชั่วคราว: แคตตาล็อก ITA ปี ${y} ยังไม่ยืนยัน` : `บางข้อมูลในแคตตาล็อก ITA ปี ${y} ยังไม่ยืนยัน`}</strong>
      </p>
      <ul>
        {c.facts.map((f) => (
          <li>{d(f)}</li>
        ))}
      </ul>
      <p>
        {d(c.correctionTh)}
        {ctx.can('catalogue.import') ? (
          <>
            {' '}
            <a href={`/admin/catalogue/${c.fiscalYear}`}>ไปที่แคตตาล็อกปี {y}</a>
          </>
        ) : null}
      </p>
    </div>
  );
}
