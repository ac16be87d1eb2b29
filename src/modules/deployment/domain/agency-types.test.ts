import { describe, expect, it } from 'vitest';
import { resolveAgencyType, typeFromName } from './agency-types.js';

const TYPES = [
  { code: 'city_municipality', labelTh: 'เทศบาลนคร' },
  { code: 'town_municipality', labelTh: 'เทศบาลเมือง' },
  { code: 'subdistrict_municipality', labelTh: 'เทศบาลตำบล' },
  { code: 'sao', labelTh: 'องค์การบริหารส่วนตำบล' },
  { code: 'pao', labelTh: 'องค์การบริหารส่วนจังหวัด' },
  { code: 'other', labelTh: 'หน่วยงานอื่น' },
];

describe('agency types as written', () => {
  it('reads codes, Thai names and abbreviations', () => {
    expect(resolveAgencyType('เทศบาลตำบล', TYPES)).toBe('subdistrict_municipality');
    expect(resolveAgencyType('subdistrict_municipality', TYPES)).toBe('subdistrict_municipality');
    expect(resolveAgencyType('อบต.', TYPES)).toBe('sao');
    expect(resolveAgencyType(' อบจ ', TYPES)).toBe('pao');
    expect(resolveAgencyType('เทศบาลหมู่บ้าน', TYPES)).toBeUndefined();
    expect(resolveAgencyType('', TYPES)).toBeUndefined();
  });
  it('takes the type from the start of a name, the longest label first', () => {
    expect(typeFromName('องค์การบริหารส่วนตำบลบ้านหนอง', TYPES)).toBe('sao');
    expect(typeFromName('องค์การบริหารส่วนจังหวัดศรีสะเกษ', TYPES)).toBe('pao');
    expect(typeFromName('เทศบาลเมืองกันทรลักษ์', TYPES)).toBe('town_municipality');
    expect(typeFromName('สำนักงานท่าใหม่', TYPES)).toBe('other');
  });
});
