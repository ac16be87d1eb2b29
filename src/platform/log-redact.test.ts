import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redact.js';

describe('redactUrl', () => {
  it('cuts secrets out of query values and invitation paths, keeping the rest', () => {
    expect(redactUrl('/setup?token=abc&lang=th')).toBe('/setup?token=[redacted]&lang=th');
    expect(redactUrl('/invite/Zm9vYmFy-123?lang=en')).toBe('/invite/[redacted]?lang=en');
    expect(redactUrl('/invite/Zm9vYmFy')).toBe('/invite/[redacted]');
    expect(redactUrl('/a/test-town/oit/2567/O1')).toBe('/a/test-town/oit/2567/O1');
    expect(redactUrl('/admin/invite/list')).toBe('/admin/invite/list');
  });
});
