/**
 * Self-diagnosis use cases: a round of NACC-style questions (IIT with staff, EIT with service
 * users) on the shared survey engine, one-time links per respondent grouped by unit only, results
 * by unit with k-anonymity, the predicted indicator and tool scores compared with last year's
 * official result, the plan rows that address the weakest questions, the quarterly trend, and the
 * predicted ITA total and rating with what-ifs.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { SelfdiagDb, SelfdiagRoundRow } from './tables.js';
import { selfdiagRepository } from './repository.js';
import type { Clock } from '../../shared/clock.js';
import { todayInThailand } from '../../shared/clock.js';
import { fiscalYearOf } from '../../shared/fiscal.js';
import { DomainError, notFound, validationError, type FieldError } from '../../shared/errors.js';
import { zodToFieldErrors } from '../../shared/zod-errors.js';
import { writeAudit, type Actor } from '../../platform/audit.js';
import type { SurveysService, Question } from '../surveys/index.js';
import type { Catalogue } from '../catalogue/index.js';
import { DEFAULT_THRESHOLD, roundResults, scoringFor, weakestQuestions, type RoundResult, type ScoredQuestion } from './domain/scoring.js';
import { combineIndicators, marginOfError, oitIndicatorScores, uncertaintyLines, withCompleted, type OitItemState } from './domain/predict.js';
import type { DashboardCard } from '../../platform/module.js';
import { toCsv } from '../../shared/csv.js';
import { resultsTable } from './domain/results-table.js';

export type Tool = 'IIT' | 'EIT';
export const TOOL_LABELS: Record<Tool, string> = { IIT: 'IIT (บุคลากรภายใน)', EIT: 'EIT (ผู้รับบริการ)' };

export interface Round {
  id: string;
  tool: Tool;
  fiscalYear: number;
  quarter: number;
  title: string;
  formId: string;
  catalogueYear: number | null;
  questions: ScoredQuestion[];
  threshold: number;
  /** Closed: the links accept no more answers and no new links are issued. */
  closed: boolean;
  /** True when the texts come from another year's catalogue or are not verified. */
  provisional: boolean;
}

export interface PlanRowRef {
  order: number;
  weaknessTh: string;
  source: { kind: string; code?: string };
}

export interface SelfdiagDeps {
  db: Kysely<SelfdiagDb>;
  clock: Clock;
  surveys: SurveysService;
  getCatalogue: (year: number) => Promise<Catalogue | undefined>;
  catalogueYears: () => Promise<number[]>;
  /** The agency's official results of a year before `beforeYear`, if any (indicator → score). */
  lastOfficial: (agencyId: string, beforeYear: number) => Promise<{ year: number; indicators: Record<number, number>; total: number | null } | undefined>;
  /** Rows of the improvement plan carried out in `targetYear` (or the latest plan). */
  planRows: (agencyId: string, targetYear: number) => Promise<PlanRowRef[]>;
  /** OIT items of the year with their indicator and completeness. */
  oitItems: (agencyId: string, year: number) => Promise<OitItemState[]>;
  /** ita-results `analyze` applied to predicted indicators: total and rating under the year's rule. */
  rate: (catalogue: Catalogue, indicators: Record<number, number>) => { total: number; level: string; levelLabel: string; passed: boolean };
}

const createSchema = z.object({
  tool: z.enum(['IIT', 'EIT'], 'กรุณาเลือกแบบวัด'),
  fiscalYear: z.coerce.number('ปีงบประมาณต้องเป็นตัวเลข').int('ปีงบประมาณต้องเป็นจำนวนเต็ม').min(2560, 'ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2570').max(2700, 'ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2570'),
  quarter: z.coerce.number('ไตรมาสต้องเป็น 1 ถึง 4').int('ไตรมาสต้องเป็น 1 ถึง 4').min(1, 'ไตรมาสต้องเป็น 1 ถึง 4').max(4, 'ไตรมาสต้องเป็น 1 ถึง 4'),
  threshold: z.coerce.number('เกณฑ์จำนวนผู้ตอบขั้นต่ำต้องเป็นตัวเลข').int('เกณฑ์จำนวนผู้ตอบขั้นต่ำต้องเป็นจำนวนเต็ม').min(3, 'เกณฑ์จำนวนผู้ตอบขั้นต่ำต้องไม่น้อยกว่า 3 คน').max(50, 'เกณฑ์จำนวนผู้ตอบขั้นต่ำต้องไม่เกิน 50 คน').default(DEFAULT_THRESHOLD),
  extraQuestions: z.string().max(10_000, 'คำถามเพิ่มเติมยาวเกินไป').default(''),
});

const issueSchema = z.object({
  unit: z.string().trim().min(1, 'กรุณาเลือกหน่วยงานย่อย').max(200),
  count: z.coerce.number('จำนวนลิงก์ต้องเป็นตัวเลข').int('จำนวนลิงก์ต้องเป็นจำนวนเต็ม').min(1, 'จำนวนลิงก์ต้องมีอย่างน้อย 1').max(200, 'ออกลิงก์ได้ครั้งละไม่เกิน 200 ลิงก์'),
});

/** Agency-entered questions, one a line: "6|ข้อความคำถาม" (indicator number, then the text). */
export function parseExtraQuestions(text: string, tool: Tool): { questions: { indicator: number; text: string }[]; errors: FieldError[] } {
  const allowed = tool === 'IIT' ? [1, 2, 3, 4, 5] : [6, 7, 8];
  const questions: { indicator: number; text: string }[] = [];
  const errors: FieldError[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const m = /^\s*(\d+)\s*[|｜]\s*(.+)$/.exec(line);
    const no = m ? Number(m[1]) : NaN;
    if (!m || !allowed.includes(no)) errors.push({ field: 'extraQuestions', message: `บรรทัดที่ ${i + 1}: ต้องเป็น "ตัวชี้วัด|ข้อความคำถาม" โดยตัวชี้วัดของ ${tool} คือ ${allowed.join(', ')}` });
    else if (m[2]!.trim().length > 500) errors.push({ field: 'extraQuestions', message: `บรรทัดที่ ${i + 1}: ข้อความคำถามยาวเกิน 500 ตัวอักษร` });
    else questions.push({ indicator: no, text: m[2]!.trim() });
  });
  return { questions, errors };
}

const parseJson = <T>(s: string, fallback: T): T => {
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
};

function toRound(r: SelfdiagRoundRow): Round {
  const questions = parseJson<ScoredQuestion[]>(r.scoring, []);
  return {
    id: r.id,
    tool: r.tool as Tool,
    fiscalYear: Number(r.fiscal_year),
    quarter: Number(r.quarter),
    title: r.title,
    formId: r.form_id,
    catalogueYear: r.catalogue_year === null ? null : Number(r.catalogue_year),
    questions,
    threshold: Number(r.threshold),
    closed: Number(r.closed) === 1,
    provisional: r.catalogue_year === null || Number(r.catalogue_year) !== Number(r.fiscal_year) || questions.some((q) => q.code.startsWith('X')),
  };
}

export interface RoundView {
  round: Round;
  issued: { unit: string; issued: number }[];
  result: RoundResult;
  /** The last official result before the round's year, with the tool's indicators. */
  lastOfficial?: { year: number; indicators: Record<string, number> };
  weakest: { code: string; text: string; indicator: number; score: number; planRows: PlanRowRef[] }[];
  margin?: number;
}

export function selfdiagService(deps: SelfdiagDeps) {
  const { db, clock, surveys } = deps;
  const repo = selfdiagRepository(db);
  const now = () => clock.now().toISOString();

  async function requireRound(agencyId: string, id: string): Promise<Round> {
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findRound(agencyId, id) : undefined;
    if (!row) throw notFound('ไม่พบรอบการสำรวจ');
    return toRound(row);
  }

  /** The catalogue questions of a tool: the year's own, else the nearest earlier year with texts. */
  async function catalogueQuestions(year: number, tool: Tool): Promise<{ year: number | null; questions: ScoredQuestion[] }> {
    const years = (await deps.catalogueYears()).sort((a, b) => b - a);
    const order = [year, ...years.filter((y) => y < year), ...years.filter((y) => y > year)];
    for (const y of order) {
      const cat = await deps.getCatalogue(y);
      const qs = (cat?.questions ?? []).filter((q) => q.tool === tool);
      if (qs.length) {
        return {
          year: y,
          questions: qs.map((q) => ({ key: q.code.toLowerCase(), code: q.code, indicator: q.indicator, text: q.textTh, scoring: tool === 'IIT' ? scoringFor(q.code) : { kind: 'likert4' as const } })),
        };
      }
    }
    return { year: null, questions: [] };
  }

  const surveyQuestion = (q: ScoredQuestion): Question => ({ key: q.key, text: q.text.length > 500 ? `${q.text.slice(0, 497)}…` : q.text, type: q.scoring.kind === 'yesno' ? 'yesno' : 'likert4', required: true });

  const service = {
    catalogueQuestions,

    async listRounds(agencyId: string): Promise<(Round & { responses: number })[]> {
      const rows = (await repo.listRounds(agencyId)).map(toRound);
      const forms = new Map((await surveys.listForms(agencyId)).map((f) => [f.id, f.responses]));
      return rows.map((r) => ({ ...r, responses: forms.get(r.formId) ?? 0 }));
    },

    getRound: requireRound,

    /** Creates a round: the survey form (a new version per round) and its scoring. */
    async createRound(actor: Actor, agencyId: string, raw: Record<string, unknown>): Promise<Round> {
      const parsed = createSchema.safeParse(raw);
      if (!parsed.success) throw validationError('ข้อมูลรอบการสำรวจไม่ถูกต้อง', zodToFieldErrors(parsed.error));
      const input = parsed.data;
      const tool = input.tool as Tool;
      const extra = parseExtraQuestions(input.extraQuestions, tool);
      if (extra.errors.length) throw validationError('คำถามเพิ่มเติมไม่ถูกต้อง', extra.errors);
      if (await repo.findRoundByPeriod(agencyId, tool, input.fiscalYear, input.quarter)) {
        throw validationError('มีรอบการสำรวจนี้แล้ว', [{ field: 'quarter', message: `มีรอบสำรวจ ${tool} ไตรมาส ${input.quarter}/${input.fiscalYear} แล้ว` }]);
      }
      const fromCatalogue = await catalogueQuestions(input.fiscalYear, tool);
      const questions: ScoredQuestion[] = [
        ...fromCatalogue.questions,
        ...extra.questions.map((q, i) => ({ key: `x${i + 1}`, code: `X${i + 1}`, indicator: q.indicator, text: q.text, scoring: { kind: 'likert4' as const } })),
      ];
      if (!questions.length) throw validationError('ยังไม่มีคำถาม', [{ field: 'extraQuestions', message: `แคตตาล็อกยังไม่มีข้อความคำถาม ${tool} กรุณาใส่คำถามอย่างน้อย 1 ข้อ` }]);
      const title = `ประเมินตนเอง ${tool} ไตรมาส ${input.quarter}/${input.fiscalYear}`;
      const id = randomUUID();
      const at = now();
      await db.transaction().execute(async (tx) => {
        const form = await surveys.ensureForm(tx, agencyId, {
          key: `self-diagnosis-${tool.toLowerCase()}-${input.fiscalYear}-q${input.quarter}`,
          title,
          purpose: tool === 'IIT' ? 'แบบสำรวจความเห็นของบุคลากรก่อนการประเมิน ITA ของ ป.ป.ช. ไม่มีการผูกคำตอบกับตัวผู้ตอบ' : 'แบบสำรวจความเห็นของผู้มารับบริการก่อนการประเมิน ITA ของ ป.ป.ช.',
          questions: [...questions.map(surveyQuestion), { key: 'suggestion', text: 'ข้อเสนอแนะเพิ่มเติม', type: 'text', required: false }],
          // Results only here, by unit above the threshold: no raw export, no engine overall.
          ownerResultsOnly: true,
        });
        await selfdiagRepository(tx).insertRound({
          id,
          agency_id: agencyId,
          tool,
          fiscal_year: input.fiscalYear,
          quarter: input.quarter,
          title,
          form_id: form.id,
          catalogue_year: fromCatalogue.year,
          scoring: JSON.stringify(questions),
          threshold: input.threshold,
          closed: 0,
          created_at: at,
          updated_at: at,
        });
        await writeAudit(tx, clock, actor, { agencyId, action: 'selfdiag.round.create', entityType: 'selfdiag_round', entityId: id, details: { tool, year: input.fiscalYear, quarter: input.quarter } });
      });
      return requireRound(agencyId, id);
    },

    /**
     * Issues `count` one-time links for respondents of a unit. The tokens are returned once (to
     * print or hand out as QR codes) and carry only the unit's name; nothing records who got which.
     */
    async issueLinks(actor: Actor, agencyId: string, roundId: string, raw: Record<string, unknown>): Promise<{ unit: string; tokens: string[] }> {
      const round = await requireRound(agencyId, roundId);
      if (round.closed) throw new DomainError('CONFLICT', 'รอบการสำรวจนี้ปิดแล้ว ออกลิงก์เพิ่มไม่ได้');
      const parsed = issueSchema.safeParse(raw);
      if (!parsed.success) throw validationError('ข้อมูลการออกลิงก์ไม่ถูกต้อง', zodToFieldErrors(parsed.error));
      const { unit, count } = parsed.data;
      return db.transaction().execute(async (tx) => {
        const r = selfdiagRepository(tx);
        const tokens: string[] = [];
        for (let i = 0; i < count; i++) tokens.push(await surveys.issueToken(tx, agencyId, round.formId, { groups: { unit } }));
        const existing = await r.findUnit(agencyId, roundId, unit);
        if (existing) await r.setIssued(agencyId, existing.id, Number(existing.issued) + count);
        else await r.insertUnit({ id: randomUUID(), agency_id: agencyId, round_id: roundId, unit, issued: count });
        await writeAudit(tx, clock, actor, { agencyId, action: 'selfdiag.links.issue', entityType: 'selfdiag_round', entityId: roundId, details: { unit, count } });
        return { unit, tokens };
      });
    },

    /**
     * Closes a round: its links accept no more answers (the respondent is told so) and no new
     * links are issued. Results then stop changing, so nobody can read one person's answers off
     * the difference between two looks (docs/adr/0010). Idempotent.
     */
    async closeRound(actor: Actor, agencyId: string, roundId: string): Promise<void> {
      const round = await requireRound(agencyId, roundId);
      if (round.closed) return;
      await db.transaction().execute(async (tx) => {
        await selfdiagRepository(tx).closeRound(agencyId, roundId, now());
        await surveys.closeForm(tx, agencyId, round.formId);
        await writeAudit(tx, clock, actor, { agencyId, action: 'selfdiag.round.close', entityType: 'selfdiag_round', entityId: roundId, details: {} });
      });
    },

    /** Results by unit (k-anonymous), compared with the last official result, weakest questions → plan rows. */
    async results(agencyId: string, roundId: string): Promise<RoundView> {
      const round = await requireRound(agencyId, roundId);
      const responses = (await surveys.responses(agencyId, round.formId)).map((r) => ({ unit: r.groups.unit ?? 'ไม่ระบุหน่วยงาน', answers: r.answers as Record<string, unknown> }));
      const result = roundResults(round.questions, responses, round.threshold);
      const issued = (await repo.listUnits(agencyId, roundId)).map((u) => ({ unit: u.unit, issued: Number(u.issued) }));
      const official = await deps.lastOfficial(agencyId, round.fiscalYear);
      const toolNos = round.tool === 'IIT' ? [1, 2, 3, 4, 5] : [6, 7, 8];
      const rows = result.overall.questions ? await deps.planRows(agencyId, round.fiscalYear) : [];
      const weakest = result.overall.questions
        ? weakestQuestions(round.questions, result.overall.questions, 3).map((q) => ({
            code: q.code,
            text: q.text,
            indicator: q.indicator,
            score: q.score,
            planRows: rows.filter((p) => (p.source.kind === 'question' && p.source.code === q.code) || (p.source.kind === 'indicator' && p.source.code === String(q.indicator))),
          }))
        : [];
      const margin = marginOfError(result.overall.responses);
      return {
        round,
        issued,
        result,
        ...(official ? { lastOfficial: { year: official.year, indicators: Object.fromEntries(toolNos.filter((n) => official.indicators[n] !== undefined).map((n) => [String(n), official.indicators[n]!])) } } : {}),
        weakest,
        ...(margin !== undefined ? { margin } : {}),
      };
    },

    /** The by-unit results as CSV, with the page's suppression (domain/results-table.ts). */
    async resultsCsv(agencyId: string, roundId: string): Promise<{ title: string; csv: string }> {
      const view = await service.results(agencyId, roundId);
      return { title: view.round.title, csv: toCsv(resultsTable({ tool: view.round.tool, threshold: view.round.threshold, issued: view.issued, result: view.result })) };
    },

    /**
     * The CLI's shape (`survey results --json`): `{ round, units: [{ unit, responses, hidden,
     * indicators? }] }`, `indicators` absent where hidden. Without `roundId`, the latest round.
     */
    async resultsJson(agencyId: string, roundId?: string): Promise<{ round: string; units: { unit: string; responses: number; hidden: boolean; indicators?: Record<string, number> }[] }> {
      const id = roundId ?? (await repo.listRounds(agencyId))[0]?.id;
      if (!id) throw notFound('หน่วยงานนี้ยังไม่มีรอบการประเมินตนเอง');
      const view = await service.results(agencyId, id);
      return { round: view.round.id, units: view.result.units.map((u) => (u.hidden ? { unit: u.unit, responses: u.responses, hidden: true } : { unit: u.unit, responses: u.responses, hidden: false, indicators: u.indicators! })) };
    },

    /** The quarterly ("pulse") trend of a tool: each round's overall tool score where shown. */
    async trend(agencyId: string, tool: Tool): Promise<{ roundId: string; title: string; fiscalYear: number; quarter: number; responses: number; score?: number }[]> {
      const rounds = (await repo.listRounds(agencyId)).map(toRound).filter((r) => r.tool === tool);
      const out = [];
      for (const r of rounds.reverse()) {
        const v = await service.results(agencyId, r.id);
        out.push({ roundId: r.id, title: r.title, fiscalYear: r.fiscalYear, quarter: r.quarter, responses: v.result.overall.responses, ...(v.result.overall.tool !== undefined ? { score: v.result.overall.tool } : {}) });
      }
      return out;
    },

    /**
     * The predicted ITA result of a year: the latest self-diagnosis round of each tool in that
     * year (k-anonymous overall figures), the OIT readiness, the last official scores where a
     * tool was not measured; total and rating under the year's rule; what-ifs for OIT items.
     */
    async predict(agencyId: string, year = fiscalYearOf(todayInThailand(clock)), complete: string[] = [], opts: { whatIfs?: boolean } = {}) {
      const catalogue = await deps.getCatalogue(year);
      if (!catalogue) throw notFound(`ยังไม่มีแคตตาล็อก ITA ปี ${year}`);
      const rounds = (await repo.listRounds(agencyId)).map(toRound).filter((r) => r.fiscalYear === year);
      const selfDiagnosis: Record<string, number> = {};
      const samples: { tool: Tool; round: string; responses: number; margin?: number; provisional: boolean }[] = [];
      for (const tool of ['IIT', 'EIT'] as const) {
        const latest = rounds.find((r) => r.tool === tool);
        if (!latest) continue;
        const v = await service.results(agencyId, latest.id);
        Object.assign(selfDiagnosis, v.result.overall.indicators ?? {});
        samples.push({ tool, round: latest.title, responses: v.result.overall.responses, ...(v.margin !== undefined ? { margin: v.margin } : {}), provisional: latest.provisional });
      }
      const items = await deps.oitItems(agencyId, year);
      const official = await deps.lastOfficial(agencyId, year);
      const numbers = catalogue.indicators.map((i) => i.no);
      const rateWith = (its: OitItemState[]) => {
        const c = combineIndicators({ selfDiagnosis, oit: oitIndicatorScores(its), fallback: official?.indicators ?? {} }, numbers);
        return { ...c, ...deps.rate(catalogue, c.indicators) };
      };
      const base = rateWith(items);
      const incomplete = items.filter((i) => !i.complete);
      // The two items whose completion alone adds most, then both together.
      const gains = (opts.whatIfs === false ? [] : incomplete).map((i) => ({ code: i.code, gain: rateWith(withCompleted(items, [i.code])).total - base.total })).sort((a, b) => b.gain - a.gain || a.code.localeCompare(b.code, 'en', { numeric: true }));
      const suggested = gains.slice(0, 2).map((g) => g.code);
      const scenario = (codes: string[]) => {
        const r = rateWith(withCompleted(items, codes));
        return { codes, total: r.total, gain: Math.round((r.total - base.total) * 100) / 100, level: r.level, levelLabel: r.levelLabel };
      };
      const chosen = complete.filter((c) => incomplete.some((i) => i.code === c));
      return {
        year,
        catalogueStatus: catalogue.status,
        base,
        samples,
        official: official ? { year: official.year, total: official.total } : undefined,
        suggested: suggested.length ? scenario(suggested) : undefined,
        chosen: chosen.length ? scenario(chosen) : undefined,
        incomplete: incomplete.map((i) => i.code),
      };
    },

    /**
     * The staff dashboard's card: this year's predicted total and rating with the plain
     * uncertainty statement, or null when no self-diagnosis round of the year exists yet (a
     * prediction from last year's figures alone would say nothing new).
     */
    async dashboardCard(agencyId: string): Promise<DashboardCard | null> {
      const year = fiscalYearOf(todayInThailand(clock));
      if (!(await repo.listRounds(agencyId)).some((r) => Number(r.fiscal_year) === year)) return null;
      if (!(await deps.getCatalogue(year))) return null;
      const p = await service.predict(agencyId, year, [], { whatIfs: false });
      return {
        key: 'selfdiag-prediction',
        title: `ผลคาดการณ์ ITA ปี ${year} (จากการประเมินตนเองและความพร้อม OIT)`,
        figures: [
          { label: 'คะแนนรวมคาดการณ์', value: p.base.total.toFixed(2) },
          { label: 'ระดับคาดการณ์', value: p.base.levelLabel },
        ],
        notes: uncertaintyLines({ samples: p.samples, catalogueComplete: p.catalogueStatus === 'complete' }),
        link: { href: `/admin/self-diagnosis/prediction?year=${year}`, label: 'ดูผลคาดการณ์ฉบับเต็มและสิ่งที่ทำได้เพื่อเพิ่มคะแนน' },
      };
    },
  };
  return service;
}
export type SelfdiagService = ReturnType<typeof selfdiagService>;
