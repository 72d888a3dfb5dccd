import { cleanup, renderHook } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useLookups, useSettings } from '../../components/panel/panel-data';
import { DEFAULT_SETTINGS } from '../../engine/settings/settings';
import { SESSION_KEYS } from '../../platform/storage/storage-keys';

const { key: LOOKUP_KEY } = SESSION_KEYS.lookup;

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const quietWarnings = () => vi.spyOn(console, 'warn').mockImplementation(() => undefined);

describe('the settings the panel and the options page read', () => {
  it('are the defaults where storage cannot be read, and the console says why', async () => {
    const refusal = new Error('Storage is unavailable.');
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(refusal);
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(refusal);
    const warn = quietWarnings();
    const { result } = renderHook(() => useSettings());
    await vi.waitFor(() => expect(result.current[0]).toEqual(DEFAULT_SETTINGS));
    expect(warn).toHaveBeenCalledWith('Context Lens settings:', { code: 'settingsUnreadable', error: String(refusal) });
  });
});

describe('text the context menu leaves for the panel', () => {
  /** The panel opens while session storage refuses `method`: what it looked up, and what the console said. */
  function openWhileSessionRefuses(method: 'get' | 'remove') {
    const refusal = new Error('Session storage is unavailable.');
    vi.spyOn(fakeBrowser.storage.session, method).mockRejectedValue(refusal);
    const warn = quietWarnings();
    const onLookup = vi.fn();
    renderHook(() => useLookups(onLookup, false));
    return { refusal, warn, onLookup };
  }

  it('is looked up even where it cannot be cleared, and the console says it may come again', async () => {
    await fakeBrowser.storage.session.set({ [LOOKUP_KEY]: 'Ant Group' });
    const { refusal, warn, onLookup } = openWhileSessionRefuses('remove');
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith(
        'Context Lens could not clear the text it looked up; the next panel may look it up again:',
        refusal,
      ),
    );
    expect(onLookup).toHaveBeenCalledWith('Ant Group');
  });

  it('is not looked up where session storage cannot be read, and the console says why', async () => {
    const { refusal, warn, onLookup } = openWhileSessionRefuses('get');
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith('Context Lens could not read the text to look up:', refusal),
    );
    expect(onLookup).not.toHaveBeenCalled();
  });
});
