import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { importOwnModule } from '../../page/start/own-module';

describe('importOwnModule', () => {
  const base = fakeBrowser.runtime.getURL('/content-scripts/card.js');

  it('loads the file from the extension once when the first import works', async () => {
    const load = vi.fn(async () => ({ name: 'card' }));
    await expect(importOwnModule('content-scripts/card.js', load)).resolves.toEqual({ name: 'card' });
    expect(load.mock.calls).toEqual([[base]]);
  });

  it('tries once more, at an address of its own, when the first import fails', async () => {
    const load = vi.fn(async (url: string) => {
      if (url === base) throw new TypeError('error loading dynamically imported module');
      return { name: 'card' };
    });
    await expect(importOwnModule('content-scripts/card.js', load)).resolves.toEqual({ name: 'card' });
    expect(load.mock.calls).toEqual([[base], [`${base}?attempt=2`]]);
  });

  it('says which file failed, and both reasons, when the second try fails too', async () => {
    let tries = 0;
    const load = async () => {
      tries += 1;
      throw new TypeError(`failure ${tries}`);
    };
    await expect(importOwnModule('content-scripts/page-map.js', load)).rejects.toThrow(
      'content-scripts/page-map.js did not load: TypeError: failure 1; again: TypeError: failure 2',
    );
  });
});
