import { describe, expect, it, vi } from 'vitest';
import type { Anchor, CardContent, CardView } from '../../page/hover/card-view';
import { LazyCardView } from '../../page/hover/lazy-card-view';

/** A card view that records what it was asked to do. */
function recordingView() {
  const calls: string[] = [];
  const view: CardView = {
    hostElement: null,
    hasFocus: false,
    show: async (content) => {
      calls.push(`show ${content.lensId}`);
    },
    prepare: async (content) => {
      calls.push(`prepare ${content.lensId}`);
    },
    update: async (content) => {
      calls.push(`update ${content.lensId}`);
    },
    hide: () => {
      calls.push('hide');
    },
    focus: () => {
      calls.push('focus');
    },
    announce: async (announcement) => {
      calls.push(`announce ${announcement.type}`);
    },
    privatePaint: async () => {
      calls.push('private paint');
      return null;
    },
    dispose: () => {
      calls.push('dispose');
    },
  };
  return { view, calls };
}

/** A load that finishes when the test says so. */
function deferredLoad() {
  let finish: (view: CardView) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const load = vi.fn(
    () =>
      new Promise<CardView>((resolve, reject) => {
        finish = resolve;
        fail = reject;
      }),
  );
  return { load, finish: (view: CardView) => finish(view), fail: (error: unknown) => fail(error) };
}

const content = (lensId: string): CardContent => ({
  lensId,
  places: new Map([[lensId, { count: 1, position: 1 }]]),
  onShowEntity: () => undefined,
  onStep: () => undefined,
  onClose: () => undefined,
  touch: null,
});
const anchor = { range: {} as Range, point: null } satisfies Anchor;

describe('LazyCardView', () => {
  it('loads the card code once, on first use, and passes every call through afterwards', async () => {
    const { view, calls } = recordingView();
    const load = vi.fn(async () => view);
    const lazy = new LazyCardView(load, () => undefined);
    expect(load).not.toHaveBeenCalled();

    await lazy.prepare(content('alibaba'));
    await lazy.show(content('alibaba'), anchor);
    await lazy.update(content('tencent'));
    lazy.focus();
    await lazy.announce({ type: 'site', on: false, site: 'example.com' });
    lazy.hide();

    expect(load).toHaveBeenCalledTimes(1);
    expect(calls).toEqual(['prepare alibaba', 'show alibaba', 'update tencent', 'focus', 'announce site', 'hide']);
  });

  it('loads the card code to announce, where no card was shown yet', async () => {
    const { view, calls } = recordingView();
    const lazy = new LazyCardView(
      async () => view,
      () => undefined,
    );
    await lazy.announce({ type: 'site', on: true, site: null });
    expect(calls).toEqual(['announce site']);
  });

  it('drops a show that a hide overtook while the code was loading', async () => {
    const { view, calls } = recordingView();
    const { load, finish } = deferredLoad();
    const lazy = new LazyCardView(load, () => undefined);

    const shown = lazy.show(content('alibaba'), anchor);
    lazy.hide();
    finish(view);
    await shown;

    expect(calls).toEqual([]);
  });

  it('shows only the latest of two shows made while loading', async () => {
    const { view, calls } = recordingView();
    const { load, finish } = deferredLoad();
    const lazy = new LazyCardView(load, () => undefined);

    const first = lazy.show(content('alibaba'), anchor);
    const second = lazy.show(content('tencent'), anchor);
    finish(view);
    await Promise.all([first, second]);

    expect(calls).toEqual(['show tencent']);
  });

  it('reports a failed load once and then stays quiet, never throwing', async () => {
    const { load, fail } = deferredLoad();
    const failures: unknown[] = [];
    const lazy = new LazyCardView(load, (error) => failures.push(error));

    const shown = lazy.show(content('alibaba'), anchor);
    fail(new Error('extension context invalidated'));
    await expect(shown).resolves.toBeUndefined();
    await expect(lazy.show(content('tencent'), anchor)).resolves.toBeUndefined();
    await expect(lazy.prepare(content('tencent'))).resolves.toBeUndefined();

    expect(load).toHaveBeenCalledTimes(1);
    expect(failures).toHaveLength(1);
    expect(lazy.hostElement).toBeNull();
  });

  it('disposes a view that arrives after the page was done with us', async () => {
    const { view, calls } = recordingView();
    const { load, finish } = deferredLoad();
    const lazy = new LazyCardView(load, () => undefined);

    const prepared = lazy.prepare(content('alibaba'));
    lazy.dispose();
    finish(view);
    await prepared;

    expect(calls).toEqual(['dispose']);
    expect(lazy.hostElement).toBeNull();
  });
});
