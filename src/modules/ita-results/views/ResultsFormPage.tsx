import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, Select, TextField, errorFor, fieldId } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import type { FieldError } from '../../../shared/errors.js';
import { CatalogueCaveatNotice, type Catalogue } from '../../catalogue/index.js';
import { OIT_FAILED, OIT_PASSED, type FormValues } from '../schemas.js';
import { formatters } from './format.js';

const M = messages({
  newTitle: { th: 'บันทึกผลการประเมิน ITA ปีงบประมาณ', en: 'Enter ITA results, fiscal year' },
  editTitle: { th: 'แก้ไขผลการประเมิน ITA ปีงบประมาณ', en: 'Edit ITA results, fiscal year' },
  back: { th: 'ผลการประเมินทุกปี', en: 'All years' },
  lead: {
    th: 'กรอกคะแนนตามรายงานผลของ ป.ป.ช. ทศนิยม 2 ตำแหน่ง พิมพ์เลขไทยหรือเลขอารบิกก็ได้ ระบบคำนวณคะแนนรวมและระดับตามเกณฑ์ของปีให้ แล้วเทียบกับค่าที่ประกาศ',
    en: 'Enter the scores from the NACC report (two decimals; Thai or Arabic digits). Prongsai computes the total and level by the year’s rules and compares them with the published ones.',
  },
  indicators: { th: 'คะแนนรายตัวชี้วัด (0–100)', en: 'Indicator scores (0–100)' },
  weight: { th: 'น้ำหนักร้อยละ', en: 'weight' },
  indicatorLabel: { th: 'ตัวชี้วัดที่', en: 'Indicator' },
  official: { th: 'ผลที่ ป.ป.ช. ประกาศ', en: 'Published result' },
  officialScore: { th: 'คะแนนรวมที่ประกาศ (ไม่บังคับ)', en: 'Published total (optional)' },
  officialScoreHint: { th: 'เช่น 65.66', en: 'e.g. 65.66' },
  officialLevel: { th: 'ระดับที่ประกาศ (ไม่บังคับ)', en: 'Published level (optional)' },
  notGiven: { th: 'ไม่ระบุ', en: 'Not given' },
  oit: { th: 'ผลรายการ OIT', en: 'OIT items' },
  oitLead: {
    th: 'ทุกข้อตั้งต้นเป็น "ผ่าน" ให้เลือก "ไม่ผ่าน" เฉพาะข้อที่ไม่ผ่าน และคัดลอกเหตุผลของผู้ประเมินมาใส่ เพื่อใช้ในการวิเคราะห์และเอกสารมาตรการ',
    en: 'Every item starts as passed: mark the ones that did not pass and copy the evaluator’s reason.',
  },
  code: { th: 'ข้อ', en: 'Item' },
  item: { th: 'รายการ', en: 'Title' },
  outcome: { th: 'ผล', en: 'Outcome' },
  reason: { th: 'เหตุผลของผู้ประเมิน', en: 'Evaluator’s reason' },
  passed: { th: 'ผ่าน', en: 'Passed' },
  failed: { th: 'ไม่ผ่าน', en: 'Not passed' },
  notAssessed: { th: 'ไม่ได้ระบุ', en: 'Not given' },
  outcomeOf: { th: 'ผลของข้อ', en: 'Outcome of' },
  reasonOf: { th: 'เหตุผลของข้อ', en: 'Reason for' },
  questions: { th: 'คะแนนรายข้อคำถาม IIT/EIT (ไม่บังคับ)', en: 'IIT/EIT question scores (optional)' },
  questionsLead: {
    th: 'ถ้ามีคะแนนรายข้อจากรายงานของ ป.ป.ช. ระบบจะระบุข้อที่ดึงคะแนนตัวชี้วัดลง',
    en: 'With question scores from the NACC report, the analysis names the questions that pulled each indicator down.',
  },
  save: { th: 'บันทึกและดูผลการวิเคราะห์', en: 'Save and view the analysis' },
});

function levelOptions(c: Catalogue): { value: string; label: string }[] {
  if (c.rating.kind === 'bands') {
    return c.rating.bands.map((b) => ({ value: b.code, label: b.labelTh || b.code }));
  }
  return c.rating.rules.map((r) => ({ value: r.code, label: r.labelTh }));
}

export function ResultsFormPage({
  ctx,
  catalogue: c,
  values,
  errors,
  mode,
}: {
  ctx: PageContext;
  catalogue: Catalogue;
  values: FormValues;
  errors?: FieldError[];
  mode: 'new' | 'edit';
}) {
  const L = ctx.locale;
  const f = formatters(ctx);
  const v = (k: string) => values[k] ?? '';
  const e = (k: string) => errorFor(errors, k);
  const title = `${tr(L, mode === 'new' ? M.newTitle : M.editTitle)} ${f.text(c.fiscalYear)}`;
  const indicators = [...c.indicators].sort((a, b) => a.no - b.no);
  const questionsOpen = c.questions.some((q) => v(`questions.${q.code}`) !== '' || e(`questions.${q.code}`));
  return (
    <Layout ctx={ctx} title={title} errors={errors}>
      <p>
        <a href="/admin/results">{tr(L, M.back)}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{tr(L, M.lead)}</p>
      <CatalogueCaveatNotice ctx={ctx} catalogue={c} focus="results" />
      <form method="post" action={`/admin/results/${c.fiscalYear}/edit`} novalidate>
        <CsrfField token={ctx.csrfToken} />

        <fieldset>
          <legend>{tr(L, M.indicators)}</legend>
          {c.tools.map((tool) => (
            <div class="tool-group">
              <h2 class="tool-heading">
                {tool.code} {L === 'th' ? tool.nameTh : tool.nameEn} ({tr(L, M.weight)} {f.text(tool.weight)})
              </h2>
              {indicators
                .filter((ind) => ind.tool === tool.code)
                .map((ind) => (
                  <TextField
                    name={`indicators.${ind.no}`}
                    label={`${tr(L, M.indicatorLabel)} ${f.text(ind.no)} ${L === 'th' ? ind.nameTh : ind.nameEn}`}
                    value={v(`indicators.${ind.no}`)}
                    error={e(`indicators.${ind.no}`)}
                    inputmode="decimal"
                    width="short"
                    autocomplete="off"
                  />
                ))}
            </div>
          ))}
        </fieldset>

        <fieldset>
          <legend>{tr(L, M.official)}</legend>
          <TextField
            name="official.score"
            label={tr(L, M.officialScore)}
            hint={tr(L, M.officialScoreHint)}
            value={v('official.score')}
            error={e('official.score')}
            inputmode="decimal"
            width="short"
            autocomplete="off"
          />
          <Select
            name="official.level"
            label={tr(L, M.officialLevel)}
            value={v('official.level')}
            error={e('official.level')}
            includeEmpty={tr(L, M.notGiven)}
            options={levelOptions(c)}
          />
        </fieldset>

        {c.oitItems.length > 0 && (
          <fieldset>
            <legend>{tr(L, M.oit)}</legend>
            <p class="hint">{tr(L, M.oitLead)}</p>
            <div class="table-wrap" tabindex={0} role="region" aria-label={tr(L, M.oit)}>
              <table class="table">
                <caption class="table-caption visually-hidden">{tr(L, M.oit)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{tr(L, M.code)}</th>
                    <th scope="col">{tr(L, M.item)}</th>
                    <th scope="col">{tr(L, M.outcome)}</th>
                    <th scope="col">{tr(L, M.reason)}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.oitItems.map((item) => {
                    const name = `oit.${item.code}`;
                    const id = fieldId(name);
                    const error = e(name);
                    const value = v(name);
                    return (
                      <tr class={error ? 'row-error' : undefined}>
                        <th scope="row">{item.code}</th>
                        <td>{item.titleTh}</td>
                        <td>
                          {error && (
                            <p id={`${id}-error`} class="error-message">
                              {error}
                            </p>
                          )}
                          <label class="visually-hidden" for={id}>
                            {tr(L, M.outcomeOf)} {item.code}
                          </label>
                          <select class="select" id={id} name={name} aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? 'true' : undefined}>
                            <option value={OIT_PASSED} selected={value === OIT_PASSED}>
                              {tr(L, M.passed)}
                            </option>
                            <option value={OIT_FAILED} selected={value === OIT_FAILED}>
                              {tr(L, M.failed)}
                            </option>
                            <option value="" selected={value !== OIT_PASSED && value !== OIT_FAILED}>
                              {tr(L, M.notAssessed)}
                            </option>
                          </select>
                        </td>
                        <td>
                          <label class="visually-hidden" for={fieldId(`${name}.reason`)}>
                            {tr(L, M.reasonOf)} {item.code}
                          </label>
                          <input class="input" type="text" id={fieldId(`${name}.reason`)} name={`${name}.reason`} value={v(`${name}.reason`)} autocomplete="off" />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </fieldset>
        )}

        {c.questions.length > 0 && (
          <details open={questionsOpen}>
            <summary>{tr(L, M.questions)}</summary>
            <p class="hint">{tr(L, M.questionsLead)}</p>
            {indicators
              .filter((ind) => c.questions.some((q) => q.indicator === ind.no))
              .map((ind) => (
                <fieldset>
                  <legend>
                    {tr(L, M.indicatorLabel)} {f.text(ind.no)} {L === 'th' ? ind.nameTh : ind.nameEn}
                  </legend>
                  {c.questions
                    .filter((q) => q.indicator === ind.no)
                    .map((q) => (
                      <TextField
                        name={`questions.${q.code}`}
                        label={`${q.code} ${q.textTh}`}
                        value={v(`questions.${q.code}`)}
                        error={e(`questions.${q.code}`)}
                        inputmode="decimal"
                        width="short"
                        autocomplete="off"
                      />
                    ))}
                </fieldset>
              ))}
          </details>
        )}

        <div class="actions">
          <Button>{tr(L, M.save)}</Button>
        </div>
      </form>
    </Layout>
  );
}
