/**
 * The standard satisfaction questionnaire of e-services, kept in the shared survey engine under
 * one form per agency. The agency may add questions (a new version) from /admin/surveys.
 * Questions follow the usual dimensions of service-satisfaction surveys of Thai local government:
 * process, staff, facilities/channels, outcome, overall.
 */
import type { Question } from '../surveys/index.js';

export const SATISFACTION_KEY = 'eservice-satisfaction';

export const SATISFACTION_QUESTIONS: Question[] = [
  { key: 'process', text: 'ขั้นตอนการขอรับบริการไม่ยุ่งยาก ชัดเจน', type: 'likert5', required: true },
  { key: 'time', text: 'ระยะเวลาในการให้บริการเหมาะสม', type: 'likert5', required: true },
  { key: 'staff', text: 'เจ้าหน้าที่ให้บริการด้วยความสุภาพ เต็มใจ และเป็นธรรม', type: 'likert5', required: true },
  { key: 'channel', text: 'ช่องทางการขอรับบริการและการติดตามสถานะสะดวก', type: 'likert5', required: true },
  { key: 'overall', text: 'ความพึงพอใจต่อการให้บริการโดยรวม', type: 'likert5', required: true },
  { key: 'suggestion', text: 'ข้อเสนอแนะเพื่อปรับปรุงบริการ', type: 'text', required: false },
];

export const SATISFACTION_FORM = {
  key: SATISFACTION_KEY,
  title: 'แบบสำรวจความพึงพอใจการให้บริการ',
  purpose: 'ขอความเห็นของท่านต่อบริการที่ได้รับ เพื่อนำไปปรับปรุงบริการ ใช้เวลาประมาณ 1 นาที',
  questions: SATISFACTION_QUESTIONS,
};
