import { describe, expect, it } from 'vitest';
import { formatInteger, formatNumber, formatThaiDate, formatThaiDateTime, toArabicDigits, toThaiDigits, withDigits, parseBeDateInput, formatBeDateInput, localizeDigits, localizeHtmlDigits, showTypedNumbers, thaiDay } from './thai.js';
import { fixedClock, todayInThailand } from './clock.js';

describe('Thai digits', () => {
  it('converts both ways and leaves other characters alone', () => {
    expect(toThaiDigits('ปี 2565 ข้อ O42')).toBe('ปี ๒๕๖๕ ข้อ O๔๒');
    expect(toArabicDigits('๖๕.๖๖ คะแนน')).toBe('65.66 คะแนน');
    expect(toArabicDigits(toThaiDigits('0123456789'))).toBe('0123456789');
    expect(withDigits('85', 'arabic')).toBe('85');
  });

  it('keeps text without digits, and digits at either end or in runs', () => {
    expect(toThaiDigits('')).toBe('');
    expect(toThaiDigits('ไม่มีตัวเลข')).toBe('ไม่มีตัวเลข');
    expect(toThaiDigits('9')).toBe('๙');
    expect(toThaiDigits('1a2')).toBe('๑a๒');
    expect(toThaiDigits('รอบ 12 เดือน ปี 2568')).toBe('รอบ ๑๒ เดือน ปี ๒๕๖๘');
    expect(toThaiDigits('๑2')).toBe('๑๒');
  });

  it('formats scores with two decimals and groups only large numbers', () => {
    expect(formatNumber(65.6656)).toBe('65.67');
    expect(formatNumber(65.66, 'thai')).toBe('๖๕.๖๖');
    expect(formatNumber(8317, 'arabic', 0)).toBe('8317');
    expect(formatNumber(12345.5, 'arabic', 1)).toBe('12,345.5');
    expect(formatInteger(2566, 'thai')).toBe('๒๕๖๖');
  });
});

describe('Buddhist-era dates', () => {
  it('writes long and short Thai dates in the chosen digits', () => {
    expect(formatThaiDate('2022-10-01')).toBe('1 ตุลาคม 2565');
    expect(formatThaiDate('2023-04-30', { style: 'short', digits: 'thai' })).toBe('๓๐ เม.ย. ๒๕๖๖');
    expect(formatThaiDate('2023-04-30', { locale: 'en' })).toBe('30 Apr 2023');
  });

  it('shows a UTC timestamp in Bangkok time', () => {
    expect(formatThaiDateTime('2022-09-30T18:30:00.000Z')).toBe('1 ตุลาคม 2565 เวลา 01:30 น.');
  });

  it('takes today from the Thai calendar day, not the UTC one', () => {
    expect(todayInThailand(fixedClock('2026-09-30T16:59:59Z'))).toBe('2026-09-30');
    expect(todayInThailand(fixedClock('2026-09-30T17:00:00Z'))).toBe('2026-10-01');
  });

  it('rejects text that is not an ISO date', () => {
    expect(() => formatThaiDate('30/04/2566')).toThrow(RangeError);
  });
});

describe('BE date input', () => {
  it('reads day/month/BE year in Arabic or Thai digits, with any common separator', () => {
    expect(parseBeDateInput('31/3/2568')).toBe('2025-03-31');
    expect(parseBeDateInput('๓๑/๐๓/๒๕๖๘')).toBe('2025-03-31');
    expect(parseBeDateInput(' 1-10-2567 ')).toBe('2024-10-01');
    expect(parseBeDateInput('1.10.2567')).toBe('2024-10-01');
    expect(parseBeDateInput('1/10/67')).toBe('2024-10-01');
  });
  it('reads Thai month names, long or short, with or without พ.ศ.', () => {
    expect(parseBeDateInput('31 มีนาคม 2568')).toBe('2025-03-31');
    expect(parseBeDateInput('๓๑ มี.ค. ๒๕๖๘')).toBe('2025-03-31');
    expect(parseBeDateInput('1 ต.ค. พ.ศ. 2567')).toBe('2024-10-01');
    expect(parseBeDateInput('29 กุมภาพันธ์ 2567')).toBe('2024-02-29');
  });
  it('reads ISO dates from date pickers and spreadsheets (CE, or BE above 2400)', () => {
    expect(parseBeDateInput('2025-03-31')).toBe('2025-03-31');
    expect(parseBeDateInput('2568-03-31')).toBe('2025-03-31');
  });
  it('refuses days that do not exist, CE years typed as BE, unknown months and junk', () => {
    for (const bad of ['31/4/2568', '29/2/2566', '31/3/2025', '0/1/2568', '1/13/2568', '31 มีนา 2568', 'พรุ่งนี้', '', '2568', '1//2568']) {
      expect(parseBeDateInput(bad), bad).toBeNull();
    }
  });
  it('shows an ISO date as the field shows it, and keeps what a person typed', () => {
    expect(formatBeDateInput('2025-03-31')).toBe('31/03/2568');
    expect(formatBeDateInput('2025-03-31', 'thai')).toBe('๓๑/๐๓/๒๕๖๘');
    expect(formatBeDateInput('31 มี.ค.')).toBe('31 มี.ค.');
    // Round trip: what the field shows parses back to the same day.
    for (const iso of ['2024-10-01', '2025-09-30', '2024-02-29']) expect(parseBeDateInput(formatBeDateInput(iso, 'thai'))).toBe(iso);
  });
});

describe('digits of running text and of a rendered page', () => {
  it('converts numbers and keeps identifiers (a Latin letter in the token) as written', () => {
    expect(localizeDigits('รอบ 6 เดือน (1 ต.ค. 2564 – 31 มี.ค. 2565) ข้อ O11 รหัส ES-7KQ2M ไฟล์ report-2569.pdf 6/43', 'thai')).toBe(
      'รอบ ๖ เดือน (๑ ต.ค. ๒๕๖๔ – ๓๑ มี.ค. ๒๕๖๕) ข้อ O11 รหัส ES-7KQ2M ไฟล์ report-2569.pdf ๖/๔๓',
    );
    expect(localizeDigits('รอบ 6 เดือน', 'arabic')).toBe('รอบ 6 เดือน');
  });

  it('converts text between tags only, never attributes, typed text or verbatim elements', () => {
    const html =
      '<title>ปี 2565</title><p class="c2" data-n="6">รอบ 6 เดือน <a href="/a/x/oit/2565/O11">O11 ปี 2565</a></p>' +
      '<textarea name="t">ครั้งที่ 1</textarea><script src="/a1.js"></script><span data-verbatim="">9f86d081 123</span><span>7</span>' +
      '<div data-verbatim><div>1</div>2</div>3<input value="4"><br/>5';
    expect(localizeHtmlDigits(html, 'thai')).toBe(
      '<title>ปี ๒๕๖๕</title><p class="c2" data-n="6">รอบ ๖ เดือน <a href="/a/x/oit/2565/O11">O11 ปี ๒๕๖๕</a></p>' +
        '<textarea name="t">ครั้งที่ 1</textarea><script src="/a1.js"></script><span data-verbatim="">9f86d081 123</span><span>๗</span>' +
        '<div data-verbatim><div>1</div>2</div>๓<input value="4"><br/>๕',
    );
    expect(localizeHtmlDigits(localizeHtmlDigits(html, 'thai'), 'thai')).toBe(localizeHtmlDigits(html, 'thai'));
    expect(localizeHtmlDigits(html, 'arabic')).toBe(html);
  });

  it('reads character references as markup: a quoted number takes the digits, the reference stays', () => {
    expect(localizeHtmlDigits('<p>&quot;90.73&quot; &#39;6&#39; &amp;2 O11&quot; x&#8203;1</p>', 'thai')).toBe('<p>&quot;๙๐.๗๓&quot; &#39;๖&#39; &amp;๒ O11&quot; x&#8203;1</p>');
  });

  it('ends a kept element at its own end tag, nested ones of its name counted; a self-closing one keeps nothing', () => {
    expect(localizeHtmlDigits('<code>1<code>2</code>3</code>4<img data-verbatim alt="x"/>5<span data-verbatim=""><span>6</span>7</span>8', 'thai')).toBe(
      '<code>1<code>2</code>3</code>๔<img data-verbatim alt="x"/>๕<span data-verbatim=""><span>6</span>7</span>๘',
    );
  });

  it('keeps what is shown as code as written', () => {
    expect(localizeHtmlDigits('<pre><code>{"year": 2565}</code></pre><p>ปี 2565 <code>PORT=3000</code> <kbd>1</kbd><samp>2</samp> 3</p>', 'thai')).toBe(
      '<pre><code>{"year": 2565}</code></pre><p>ปี ๒๕๖๕ <code>PORT=3000</code> <kbd>1</kbd><samp>2</samp> ๓</p>',
    );
  });
});

describe('showTypedNumbers', () => {
  it('gives back what was typed in Thai digits, only where the field still holds its reading', () => {
    const typed = new Map([['indicators.1', '๘๖.๐๕'], ['a&b', '๑'], ['changed', '๒']]);
    const html = '<input id="x" name="indicators.1" value="86.05"/><input name="indicators.2" value="120"/><input name="a&amp;b" value="1"/><input name="changed" value="3"/><textarea name="indicators.1">86.05</textarea>';
    expect(showTypedNumbers(html, typed)).toBe(
      '<input id="x" name="indicators.1" value="๘๖.๐๕"/><input name="indicators.2" value="120"/><input name="a&amp;b" value="๑"/><input name="changed" value="3"/><textarea name="indicators.1">86.05</textarea>',
    );
  });
});

describe('thaiDay and formatThaiDate of timestamps', () => {
  it('dates a UTC timestamp by the day in Thailand', () => {
    expect(thaiDay('2026-12-01T18:30:00.000Z')).toBe('2026-12-02');
    expect(thaiDay('2026-12-01T16:59:59Z')).toBe('2026-12-01');
    expect(thaiDay('2026-09-30T17:00:00.000Z')).toBe('2026-10-01');
    expect(formatThaiDate('2026-12-01T18:30:00.000Z', { style: 'short', digits: 'thai' })).toBe('๒ ธ.ค. ๒๕๖๙');
  });
  it('keeps a plain date as it is', () => {
    expect(thaiDay('2026-12-01')).toBe('2026-12-01');
    expect(formatThaiDate('2022-10-01', { style: 'long' })).toBe('1 ตุลาคม 2565');
  });
});

