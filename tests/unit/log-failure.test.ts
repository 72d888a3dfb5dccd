import { afterEach, describe, expect, it, vi } from 'vitest';
import { logFailure, warnFailure } from '../../platform/log-failure';

afterEach(() => vi.restoreAllMocks());

describe('what Context Lens could not do', () => {
  it('is said with its reason in the text, and the error beside it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const refusal = new Error('QUOTA_BYTES quota exceeded');
    warnFailure('keep its compiled names', refusal);
    expect(warn).toHaveBeenCalledWith(
      'Context Lens could not keep its compiled names: Error: QUOTA_BYTES quota exceeded',
      refusal,
    );
  });

  it('is said even of a rejection with no text of its own, and never rejects again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const textless = Object.create(null) as object;
    logFailure(Promise.reject(textless), 'show its card');
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('Context Lens could not show its card: object', textless));
  });
});
