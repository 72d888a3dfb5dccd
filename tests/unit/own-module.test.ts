import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { importOwnModule } from '../../page/start/own-module';

/* Each test imports a file of its own: the module keeps, per file, the address that worked. */
describe('importOwnModule', () => {
  const base = fakeBrowser.runtime.getURL('/content-scripts/card.js');

  it('loads the file from the extension once when the first import works', async () => {
    const load = vi.fn(async () => ({ name: 'card' }));
    await expect(importOwnModule('content-scripts/card.js', load)).resolves.toEqual({ name: 'card' });
    expect(load.mock.calls).toEqual([[base]]);
  });

  it('tries once more, at an address of its own, when the first import fails', async () => {
    const file = fakeBrowser.runtime.getURL('/content-scripts/retried.js');
    const load = vi.fn(async (url: string) => {
      if (url === file) throw new TypeError('error loading dynamically imported module');
      return { name: 'retried' };
    });
    await expect(importOwnModule('content-scripts/retried.js', load)).resolves.toEqual({ name: 'retried' });
    expect(load.mock.calls).toEqual([[file], [`${file}?attempt=2`]]);
  });

  it('imports again from the address that worked, without waiting on the one that failed', async () => {
    const map = fakeBrowser.runtime.getURL('/content-scripts/page-map.js');
    const load = vi.fn(async (url: string) => {
      if (url === map) throw new TypeError('error loading dynamically imported module');
      return { name: 'map' };
    });
    await importOwnModule('content-scripts/page-map.js', load);
    await importOwnModule('content-scripts/page-map.js', load);
    expect(load.mock.calls).toEqual([[map], [`${map}?attempt=2`], [`${map}?attempt=2`]]);
  });

  it('says which file failed, with both reasons, when the second try fails too', async () => {
    let tries = 0;
    const load = async () => {
      tries += 1;
      throw new TypeError(`failure ${tries}`);
    };
    const failed = importOwnModule('content-scripts/other.js', load);
    await expect(failed).rejects.toThrow('content-scripts/other.js did not load, twice');
    const reasons = await failed.catch((error: AggregateError) => error.errors.map(String));
    expect(reasons).toEqual(['TypeError: failure 1', 'TypeError: failure 2']);
  });
});
