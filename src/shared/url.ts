/**
 * The one rule for URLs typed by officers or imported: absolute http(s) only, with a host and
 * no credentials. `javascript:`, `data:`, `file:` and the like are refused everywhere a URL is
 * stored, so no stored link can run script or point into the server's files.
 */
import { z } from 'zod';

export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s/?#]+[^\s]*$/i.test(value) || !URL.canParse(value)) return false;
  const u = new URL(value);
  return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && u.username === '' && u.password === '';
}

export const HTTP_URL_MESSAGE = 'ลิงก์ต้องขึ้นต้นด้วย https:// หรือ http:// (ไม่รับ javascript:, data: หรือรูปแบบอื่น)';

/** A zod string that must be an http(s) URL (trimmed, at most `max` characters). */
export const httpUrl = (message = HTTP_URL_MESSAGE, max = 2000) =>
  z.string().trim().max(max, `ลิงก์ยาวเกิน ${max} ตัวอักษร`).refine(isHttpUrl, message);
