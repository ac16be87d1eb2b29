/**
 * Reading an agency type as people write it: the code (`subdistrict_municipality`), the full Thai
 * name (`เทศบาลตำบล`, `องค์การบริหารส่วนตำบล`) or the usual abbreviation (`ทต.`, `อบต.`). The list
 * of types belongs to the agencies module and is passed in.
 */
export interface TypeOption {
  readonly code: string;
  readonly labelTh: string;
}

/** Abbreviations in official use, by type code. */
const ABBREVIATIONS: Record<string, string[]> = {
  city_municipality: ['ทน.', 'ทน'],
  town_municipality: ['ทม.', 'ทม'],
  subdistrict_municipality: ['ทต.', 'ทต'],
  sao: ['อบต.', 'อบต'],
  pao: ['อบจ.', 'อบจ'],
  other: ['อื่น', 'อื่นๆ'],
};

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, '').toLowerCase();

/** The type code for `text`, or undefined when it names no type. */
export function resolveAgencyType(text: string, types: readonly TypeOption[]): string | undefined {
  const n = norm(text);
  if (!n) return undefined;
  for (const t of types) {
    if (n === norm(t.code) || n === norm(t.labelTh) || (ABBREVIATIONS[t.code] ?? []).some((a) => norm(a) === n)) return t.code;
  }
  return undefined;
}

/**
 * The type an agency's Thai name starts with ("องค์การบริหารส่วนตำบลบ้านหนอง" → sao), used when a
 * nation-wide results file creates agencies it has no type column for; `other` otherwise.
 */
export function typeFromName(name: string, types: readonly TypeOption[]): string {
  const n = norm(name);
  const byLength = [...types].filter((t) => t.code !== 'other').sort((a, b) => b.labelTh.length - a.labelTh.length);
  return byLength.find((t) => n.startsWith(norm(t.labelTh)))?.code ?? 'other';
}

/** "เทศบาลตำบล (subdistrict_municipality), …" for messages listing what is accepted. */
export const typeChoicesTh = (types: readonly TypeOption[]): string => types.map((t) => `${t.labelTh} (${t.code})`).join(', ');
