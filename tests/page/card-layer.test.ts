import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CardLayer } from '../../components/card/card-layer';
import { EntityAccounts } from '../../components/story/entity-accounts';
import type { PageEntity } from '../../engine/packs/lens-entities';
import type { CardContent } from '../../page/hover/card-view';
import { showPage } from './page-fixtures';

const ALIBABA: PageEntity = {
  id: 'alibaba',
  kind: 'firm',
  name: 'Alibaba',
  stories: [{ packId: 'china-tech-reset', entityId: 'alibaba' }],
  identifies: ['china-tech-reset'],
};

let ctx: ContentScriptContext;
let layer: CardLayer;

beforeEach(() => {
  showPage('<p><span id="name">Alibaba</span> grew.</p>');
  ctx = new ContentScriptContext('content');
  layer = new CardLayer(ctx, new EntityAccounts(() => [ALIBABA]), () => 'en');
});

afterEach(() => {
  layer.dispose();
  ctx.abort();
  document.body.replaceChildren();
});

function contentFor(lensId: string): CardContent {
  return {
    lensId,
    places: new Map([[lensId, { count: 1, position: 1 }]]),
    onShowEntity: vi.fn(),
    onStep: vi.fn(),
    onClose: vi.fn(),
    touch: null,
  };
}

function nameRange(): Range {
  const range = document.createRange();
  range.selectNodeContents(document.getElementById('name') as Element);
  return range;
}

/** Every element of the document outside the test page's own body. */
const addedNodes = () =>
  [...document.documentElement.children].filter((e) => e !== document.head && e !== document.body);

describe('the card layer', () => {
  it('adds nothing to the page until a card is shown', () => {
    expect(addedNodes()).toEqual([]);
    expect(layer.hostElement).toBeNull();
  });

  it('shows the card in one host element of its own, beside the name', async () => {
    await layer.show(contentFor('alibaba'), { range: nameRange(), point: null });
    expect(addedNodes()).toEqual([layer.hostElement]);
    const dialog = layer.hostElement?.shadowRoot?.querySelector('[role="dialog"]');
    expect(dialog?.textContent).toContain('Alibaba');
    expect(dialog?.textContent).toContain('1 of 1');
  });

  it('opens a paragraph’s tip for the reader’s pointer, and not for one a page script makes up', async () => {
    await layer.show(contentFor('alibaba'), { range: nameRange(), point: null });
    const root = layer.hostElement?.shadowRoot as ShadowRoot;
    const ref = root.querySelector('.ref') as HTMLButtonElement;
    const tip = root.getElementById(ref.getAttribute('aria-describedby') as string) as HTMLElement;
    for (const type of ['pointerover', 'pointerenter', 'mouseover', 'mouseenter']) {
      ref.dispatchEvent(new MouseEvent(type, { bubbles: type.endsWith('over'), composed: true }));
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(tip.hidden).toBe(true);
    await userEvent.hover(ref);
    await vi.waitFor(() => expect(tip.hidden).toBe(false));
  });

  it('hides the card, and takes its host away when disposed', async () => {
    await layer.show(contentFor('alibaba'), { range: nameRange(), point: null });
    const host = layer.hostElement as HTMLElement;
    layer.hide();
    const frame = host.shadowRoot?.querySelector('.frame') as HTMLElement;
    expect(frame.matches(':popover-open')).toBe(false);
    layer.dispose();
    await vi.waitFor(() => expect(host.isConnected).toBe(false));
  });

  it('says a step aloud through its live region', async () => {
    await layer.announce({ type: 'mention', lensId: 'alibaba', place: { count: 3, position: 2 } });
    const live = layer.hostElement?.shadowRoot?.querySelector('[aria-live]');
    await vi.waitFor(() => expect(live?.textContent).toContain('Alibaba'));
  });
});
