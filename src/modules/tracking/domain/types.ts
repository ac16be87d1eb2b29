/** Tracked measures (การดำเนินการตามมาตรการ) as the service, the report and the pages see them. */

export const MEASURE_STATUSES = ['not_started', 'in_progress', 'done', 'cancelled'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
/** What a reader is shown: a measure past its planned end and not done is late. */
export type MeasureState = MeasureStatus | 'late';

export const STATE_LABELS: Record<MeasureState, string> = {
  not_started: 'ยังไม่เริ่ม',
  in_progress: 'กำลังดำเนินการ',
  done: 'ดำเนินการแล้วเสร็จ',
  cancelled: 'ยกเลิก',
  late: 'ล่าช้ากว่าแผน',
};

export interface MeasureNote {
  id: string;
  noteTh: string;
  status: MeasureStatus;
  authorName: string;
  createdAt: string;
}

export interface MeasureEvidence {
  id: string;
  kind: 'file' | 'photo' | 'link';
  title: string;
  url: string | null;
  fileId: string | null;
  createdAt: string;
}

export interface TrackedMeasure {
  id: string;
  fiscalYear: number;
  sourceKind: 'plan-row' | 'driving';
  sourceRef: string;
  order: number;
  titleTh: string;
  activities: string[];
  unitId: string | null;
  unitName: string;
  responsiblePerson: string;
  plannedFrom: string;
  plannedTo: string;
  status: MeasureStatus;
  doneOn: string | null;
  outputsTh: string;
  indicatorsTh: string;
  notes: MeasureNote[];
  evidence: MeasureEvidence[];
  updatedAt: string;
}

/** The state shown on `asOf` (ISO date): late when past the planned end and not finished. */
export function measureState(m: Pick<TrackedMeasure, 'status' | 'plannedTo' | 'doneOn'>, asOf: string): MeasureState {
  if (m.status === 'cancelled') return m.status;
  // A report of an earlier round shows a measure finished after that round as still under way.
  if (m.status === 'done' && (!m.doneOn || m.doneOn <= asOf)) return 'done';
  const open = m.status === 'done' ? 'in_progress' : m.status;
  return m.plannedTo < asOf ? 'late' : open;
}

export interface MeasureCounts {
  total: number;
  done: number;
  inProgress: number;
  late: number;
  notStarted: number;
  cancelled: number;
}

export function countStates(measures: Pick<TrackedMeasure, 'status' | 'plannedTo' | 'doneOn'>[], asOf: string): MeasureCounts {
  const c: MeasureCounts = { total: measures.length, done: 0, inProgress: 0, late: 0, notStarted: 0, cancelled: 0 };
  for (const m of measures) {
    const s = measureState(m, asOf);
    if (s === 'done') c.done++;
    else if (s === 'late') c.late++;
    else if (s === 'in_progress') c.inProgress++;
    else if (s === 'cancelled') c.cancelled++;
    else c.notStarted++;
  }
  return c;
}
