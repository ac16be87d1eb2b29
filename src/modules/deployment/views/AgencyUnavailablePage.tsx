/** What the public sees at a suspended agency's pages. */
import { Layout } from '../../../ui/Layout.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';

const M = messages({
  title: { th: 'ระงับการเผยแพร่ชั่วคราว', en: 'Temporarily suspended' },
  body: {
    th: 'หน้าเว็บของ {agency} ระงับการเผยแพร่ชั่วคราวโดยผู้ดูแลระบบระดับจังหวัด/ผู้ให้บริการ ข้อมูลยังคงอยู่ กรุณาติดต่อหน่วยงานโดยตรงหากต้องการข้อมูล',
    en: 'The pages of {agency} are temporarily suspended by the deployment administrator. The data is kept; please contact the agency directly.',
  },
});

export function AgencyUnavailablePage({ ctx, agencyName }: { ctx: PageContext; agencyName: string }) {
  const L = ctx.locale;
  return (
    <Layout ctx={ctx} title={tr(L, M.title)} variant="public">
      <h1>{tr(L, M.title)}</h1>
      <p>{tr(L, M.body).replace('{agency}', agencyName)}</p>
    </Layout>
  );
}
