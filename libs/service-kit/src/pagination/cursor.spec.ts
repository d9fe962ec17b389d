import { AppError } from '../http/app-error';
import { decodeCursor, toPage } from './cursor';

describe('cursor pages', () => {
  const rows = ['01a20e6d-0000-7000-8000-000000000003', '01a20e6d-0000-7000-8000-000000000002', '01a20e6d-0000-7000-8000-000000000001'].map((id) => ({ id }));

  it('gives a cursor only when a further row exists, and the cursor decodes to the last id shown', () => {
    const page = toPage(rows, 2, (r) => r.id);
    expect(page.items).toEqual([rows[0].id, rows[1].id]);
    expect(decodeCursor(page.nextCursor ?? undefined)).toBe(rows[1].id);
    expect(toPage(rows.slice(0, 2), 2, (r) => r.id).nextCursor).toBeNull();
  });

  it('refuses a cursor it did not give out with a 400', () => {
    expect(() => decodeCursor('not-a-cursor')).toThrow(AppError);
    expect(() => decodeCursor(Buffer.from('-'.repeat(36)).toString('base64url'))).toThrow(AppError);
    expect(decodeCursor(undefined)).toBeNull();
  });
});
