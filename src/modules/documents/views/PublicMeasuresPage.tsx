import { Layout } from '../../../ui/Layout.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import { DocumentView } from '../html/DocumentView.js';
import type { DocModel } from '../domain/model.js';

const M = messages({
  downloads: { th: 'ดาวน์โหลดเอกสาร', en: 'Download' },
  pdf: { th: 'ไฟล์ PDF', en: 'PDF file' },
  docx: { th: 'ไฟล์ Word (DOCX)', en: 'Word file (DOCX)' },
});

export function PublicMeasuresPage({ ctx, model, base }: { ctx: PageContext; model: DocModel; base: string }) {
  return (
    <Layout ctx={ctx} title={model.title} variant="public" stylesheets={['/assets/document.css']}>
      <nav aria-label={tr(ctx.locale, M.downloads)} class="notice notice-info">
        {tr(ctx.locale, M.downloads)}: <a href={`${base}.pdf`}>{tr(ctx.locale, M.pdf)}</a> · <a href={`${base}.docx`}>{tr(ctx.locale, M.docx)}</a>
      </nav>
      <DocumentView model={model} />
    </Layout>
  );
}
