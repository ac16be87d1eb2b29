import { describe, expect, it } from 'vitest';
import { groupsText, missingElements, parseGroups, totalParticipants } from './report.js';

describe('participant groups', () => {
  it('reads "group|count" lines with Thai or Arabic digits and round-trips', () => {
    const { groups, errors } = parseGroups('ผู้นำชุมชน|12\n\nประชาชนทั่วไป | ๔๕\nเยาวชน|1,200');
    expect(errors).toEqual([]);
    expect(groups).toEqual([
      { group: 'ผู้นำชุมชน', count: 12 },
      { group: 'ประชาชนทั่วไป', count: 45 },
      { group: 'เยาวชน', count: 1200 },
    ]);
    expect(parseGroups(groupsText(groups)).groups).toEqual(groups);
    expect(totalParticipants(groups)).toBe(1257);
  });
  it('names the bad line', () => {
    expect(parseGroups('ผู้นำชุมชน\nเยาวชน|สิบ').errors.map((e) => e.message.split(':')[0])).toEqual(['บรรทัดที่ 1', 'บรรทัดที่ 2']);
  });
});

describe('the four report elements', () => {
  it('lists each missing element with its field', () => {
    expect(missingElements({ issue: ' ', groups: [{ group: 'ก', count: 0 }], outcome: '', useOfResult: '' }).map((e) => e.field)).toEqual(['issue', 'groups', 'outcome', 'useOfResult']);
    expect(missingElements({ issue: 'แผน', groups: [{ group: 'ก', count: 3 }], outcome: 'ได้ข้อเสนอ', useOfResult: 'บรรจุในแผน' })).toEqual([]);
  });
});
