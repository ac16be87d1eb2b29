/**
 * The design system's form and content components. Props in, markup out; no data fetching.
 * Field ids are the field names, so the error summary can link to them.
 */
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../shared/errors.js';
import { messages, tr, type Locale } from './i18n.js';
import { compoundSpans } from '../shared/thai-words.js';
import { BE_DATE_HINT, formatBeDateInput, withDigits, type DigitStyle } from '../shared/thai.js';

const M = messages({
  summaryTitle: { th: 'พบปัญหาในข้อมูลที่กรอก', en: 'There is a problem' },
  row: { th: 'แถวที่', en: 'Row' },
});

/** Field name → HTML id: dots and brackets are not safe in fragment links. */
export const fieldId = (name: string): string => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/** GOV.UK error summary: a list of links to the fields, focused on load by /assets/app.js. */
export function ErrorSummary({ errors, locale }: { errors: FieldError[]; locale: Locale }) {
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} data-module="error-summary">
      <h2 id="error-summary-title" class="error-summary-title">
        {tr(locale, M.summaryTitle)}
      </h2>
      <ul class="error-summary-list">
        {errors.map((e) => (
          <li>
            {e.field && e.row === undefined ? (
              <a href={`#${fieldId(e.field)}`}>
                {e.message}
              </a>
            ) : (
              <span>
                {`${e.row !== undefined ? `${tr(locale, M.row)} ${e.row}${e.field ? ` (${e.field})` : ''}: ` : ''}${e.message}`}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export const errorFor = (errors: FieldError[] | undefined, name: string): string | undefined =>
  errors?.find((e) => e.field === name && e.row === undefined)?.message;

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: (attrs: { id: string; name: string; 'aria-describedby'?: string; 'aria-invalid'?: 'true' }) => ComponentChildren;
}

/** Label, hint, inline error and the control, wired with ids and aria attributes. */
export function Field({ name, label, hint, error, children }: FieldProps) {
  const id = fieldId(name);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for={id} class="label">
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} class="hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} class="error-message">
          {error}
        </p>
      )}
      {children({ id, name, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(error ? { 'aria-invalid': 'true' as const } : {}) })}
    </div>
  );
}

export function TextField(props: {
  name: string;
  label: string;
  value?: string | number | null;
  hint?: string;
  error?: string;
  type?: 'text' | 'email' | 'password' | 'url' | 'number' | 'date' | 'tel';
  autocomplete?: string;
  inputmode?: 'decimal' | 'numeric' | 'text';
  required?: boolean;
  width?: 'short' | 'full';
  step?: string;
}) {
  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={props.error}>
      {(a) => (
        <input
          {...a}
          class={`input${props.width === 'short' ? ' input-short' : ''}`}
          type={(props.type ?? 'text') as 'text'}
          value={props.value ?? ''}
          autocomplete={props.autocomplete}
          inputMode={props.inputmode}
          required={props.required}
          step={props.step}
        />
      )}
    </Field>
  );
}

/**
 * A Buddhist-era date field: a plain text input (no Gregorian date picker) that shows a stored
 * ISO date as `31/03/2568` in the agency's digits, keeps what was typed when the form comes back
 * with an error, and always says how to write a date. Works without JavaScript; the server reads
 * it with `parseBeDateInput` (BE with Thai or Arabic digits, Thai month names, or ISO).
 */
export function DateInput(props: { name: string; label: string; value?: string | null; hint?: string; error?: string; digits?: DigitStyle; required?: boolean }) {
  const digits = props.digits ?? 'arabic';
  const example = withDigits(BE_DATE_HINT, digits);
  return (
    <TextField
      name={props.name}
      label={props.label}
      value={formatBeDateInput(props.value ?? '', digits)}
      hint={props.hint ? `${props.hint} — ${example}` : example}
      error={props.error}
      width="short"
      autocomplete="off"
      required={props.required}
    />
  );
}

export function TextArea(props: { name: string; label: string; value?: string | null; hint?: string; error?: string; rows?: number }) {
  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={props.error}>
      {(a) => (
        <textarea {...a} class="textarea" rows={props.rows ?? 4}>
          {props.value ?? ''}
        </textarea>
      )}
    </Field>
  );
}

export function Select(props: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string | null;
  hint?: string;
  error?: string;
  includeEmpty?: string;
}) {
  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={props.error}>
      {(a) => (
        <select {...a} class="select">
          {props.includeEmpty !== undefined && <option value="">{props.includeEmpty}</option>}
          {props.options.map((o) => (
            <option value={o.value} selected={o.value === props.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function Button({ children, variant = 'primary', name, value }: { children: ComponentChildren; variant?: 'primary' | 'secondary' | 'warning'; name?: string; value?: string }) {
  return (
    <button type="submit" class={`button button-${variant}`} name={name} value={value}>
      {children}
    </button>
  );
}

/** A table wrapped for horizontal scrolling on phones; the caption names it for screen readers. */
export function DataTable({ caption, head, children }: { caption: string; head: ComponentChildren[]; children: ComponentChildren }) {
  return (
    <div class="table-wrap" tabindex={0} role="region" aria-label={caption}>
      <table class="table">
        <caption class="table-caption">{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/**
 * Thai text for narrow table cells: government compounds the browser's dictionary would split
 * at a line end (หน่วย|งาน, ผู้รับผิด|ชอบ) are kept on one line; the rest wraps as usual.
 */
export function Words({ text }: { text: string }) {
  return <>{compoundSpans(text).map((s) => (s.whole ? <span class="nobr">{s.text}</span> : s.text))}</>;
}

export function Tag({ children, tone = 'neutral' }: { children: ComponentChildren; tone?: 'neutral' | 'good' | 'bad' | 'warn' }) {
  return <strong class={`tag tag-${tone}`}>{children}</strong>;
}

/**
 * One choice of several as radio buttons in a fieldset; the first button carries the field id,
 * so the error summary's link lands on the group.
 */
export function RadioGroup(props: { name: string; legend: string; options: { value: string; label: string }[]; value?: string | null; hint?: string; error?: string; inline?: boolean }) {
  const id = fieldId(props.name);
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class={`field${props.error ? ' field-error' : ''}`} aria-describedby={describedBy}>
      <legend>{props.legend}</legend>
      {props.hint && (
        <div id={`${id}-hint`} class="hint">
          {props.hint}
        </div>
      )}
      {props.error && (
        <p id={`${id}-error`} class="error-message">
          {props.error}
        </p>
      )}
      <div class={props.inline ? 'radios radios-inline' : 'radios'}>
        {props.options.map((o, i) => (
          <div class="checkbox">
            <input type="radio" id={i === 0 ? id : `${id}-${i}`} name={props.name} value={o.value} checked={props.value === o.value} />
            <label for={i === 0 ? id : `${id}-${i}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** Previous/next links of a long list, with "page N of M"; nothing when everything fits on one page. */
export function Pager({ page, pages, total, href, locale }: { page: number; pages: number; total: number; href: (page: number) => string; locale: 'th' | 'en' }) {
  if (pages <= 1) return null;
  const th = locale === 'th';
  return (
    <nav class="pager" aria-label={th ? 'เลือกหน้า' : 'Pages'}>
      {page > 1 && <a href={href(page - 1)} rel="prev">{th ? '‹ หน้าก่อน' : '‹ Previous'}</a>}{' '}
      <span>{th ? `หน้า ${page} จาก ${pages} (ทั้งหมด ${total.toLocaleString('th-TH')} รายการ)` : `Page ${page} of ${pages} (${total} in all)`}</span>{' '}
      {page < pages && <a href={href(page + 1)} rel="next">{th ? 'หน้าถัดไป ›' : 'Next ›'}</a>}
    </nav>
  );
}
