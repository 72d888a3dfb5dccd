import type { Page } from '@playwright/test';
import { MEASURE_PREFIX } from '../../page/measure-names';
import { SHIPPED_EXTENSION_DIR } from '../../tools/scripts/browser-session.mjs';
import { evaluateInIsolatedWorld } from '../../tools/scripts/isolated-world.mjs';
import { waitForScan } from '../../tools/scripts/page-probe';
import { expect, test } from './fixtures';
import { CardProbe } from './support/card-probe';
import { addReaderPack } from './support/story-files';

/**
 * Pages that turn against whatever shares their world. Our content script
 * and UI live in an isolated world, so what a page does to its own globals
 * and prototypes cannot reach them.
 */

/** Probes run in an isolated world of their own: the page under test has broken its world, the one page.evaluate uses. */
const probe = <T>(page: Page, expression: string) => evaluateInIsolatedWorld<T>(page, expression);

const highlightedTexts = (page: Page) =>
  probe<string[]>(
    page,
    `[...CSS.highlights]
      .filter(([name]) => name.startsWith('context-lens-') && name !== 'context-lens-active' && name !== 'context-lens-flash')
      .flatMap(([, highlight]) => [...highlight].map((range) => range.toString()))
      .sort()`,
  );

const cardHeading = (page: Page) =>
  probe<string | null>(
    page,
    `document.querySelector('context-lens-ui')?.shadowRoot?.querySelector('[role="dialog"] h2')?.textContent ?? null`,
  );

test('a page that replaces Range, CSS, textContent, attachShadow, MutationObserver and addEventListener does not reach us', async ({
  extension,
  page,
  server,
}) => {
  await page.goto(server.fixture('overridden-builtins.html'));
  // The page's own world really is broken.
  const broken = await page.evaluate(() => {
    const names: string[] = [];
    const attempt = (name: string, run: () => unknown) => {
      try {
        run();
      } catch {
        names[names.length] = name;
      }
    };
    attempt('Range', () => new Range());
    attempt('CSS.highlights', () => CSS.highlights.size);
    attempt('textContent', () => document.body.textContent);
    attempt('attachShadow', () => document.createElement('div').attachShadow({ mode: 'open' }));
    attempt('MutationObserver', () => new MutationObserver(() => undefined));
    attempt('addEventListener', () => window.addEventListener('x', () => undefined));
    return names;
  });
  expect(broken).toEqual([
    'Range',
    'CSS.highlights',
    'textContent',
    'attachShadow',
    'MutationObserver',
    'addEventListener',
  ]);

  await expect.poll(() => highlightedTexts(page)).toEqual(['Alibaba', 'Hangzhou', 'Jack Ma', 'Shenzhen']);

  // The card still opens on the name under the pointer, in its own shadow root.
  const spot = await probe<{ x: number; y: number }>(
    page,
    `(() => {
      const range = [...CSS.highlights.get('context-lens-firm')][0];
      const rect = range.getClientRects()[0];
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    })()`,
  );
  await page.mouse.move(spot.x - 3, spot.y);
  await page.mouse.move(spot.x, spot.y);
  await expect.poll(() => cardHeading(page)).toContain('Alibaba');

  // Text the page adds later is still read: our MutationObserver is our own.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.append(document.createTextNode('Xiaomi joined later.'));
    document.body.append(p);
  });
  await expect.poll(() => highlightedTexts(page)).toContain('Xiaomi');
  expect(extension.errors).toEqual([]);
});

test('events a page makes up, and messages it posts, neither open nor close our card', async ({
  extension,
  page,
  server,
}) => {
  const card = new CardProbe(page);
  await page.goto(server.fixture('card.html'));
  await waitForScan(page);

  // Made-up pointer events resting on a name for longer than the hover delay open nothing.
  const xiaomi = await card.mention('Xiaomi');
  await page.evaluate(async ({ x, y }) => {
    for (let i = 0; i < 20; i++) {
      window.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  }, xiaomi);
  await page.waitForTimeout(500);
  expect(await card.isOpen()).toBe(false);

  // Nor do our messages, posted or sent from the page's world, which has no way to reach us.
  const reach = await page.evaluate(() => {
    window.postMessage({ type: 'show-entity', lensId: 'xiaomi' }, '*');
    window.postMessage({ type: 'step-mention', direction: 'next' }, '*');
    return typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage;
  });
  expect(reach).toBe('undefined');
  await page.waitForTimeout(500);
  expect(await card.isOpen()).toBe(false);

  // A card the reader opened stays open through made-up clicks elsewhere, Escape and scrolling.
  await card.hover(xiaomi);
  await card.waitOpen();
  await page.evaluate(() => {
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    document.dispatchEvent(new Event('scroll'));
  });
  await page.waitForTimeout(300);
  expect(await card.isOpen()).toBe(true);
  expect((await card.state()).heading).toContain('Xiaomi');
  expect(extension.errors).toEqual([]);
});

test('a page that answers every window message hears none from us', async ({ extension, page, server }) => {
  // Such a listener turns any message into an endless exchange with whoever sent it.
  await page.addInitScript(() => {
    const heard: unknown[] = [];
    Object.assign(window, { heard });
    window.addEventListener('message', (event) => {
      heard.push(event.data);
      if (heard.length < 50) (event.source as Window | null)?.postMessage('echo', '*');
    });
  });
  await page.goto(server.fixture('card.html'));
  await waitForScan(page);
  await expect.poll(() => highlightedTexts(page)).toContain('Xiaomi');
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { heard: unknown[] }).heard)).toEqual([]);
  expect(extension.errors).toEqual([]);
});

test('a page that fakes our host, and clicks and types into our open card, moves nothing of ours', async ({
  extension,
  page,
  server,
}) => {
  const card = new CardProbe(page);
  await page.goto(server.fixture('card.html'));
  await waitForScan(page);
  const xiaomi = await card.mention('Xiaomi');
  await card.hover(xiaomi);
  await card.waitOpen();
  const before = await card.state();
  expect(before.heading).toContain('Xiaomi');

  const cities = () => page.evaluate(() => CSS.highlights.get('context-lens-city')?.size ?? 0);
  const citiesBefore = await cities();
  // A look-alike of our host beside it: our tag name, an attribute, a shadow root, and a name in its text.
  await page.evaluate(() => {
    const fake = document.createElement('context-lens-ui');
    fake.setAttribute('data-wxt-shadow-root', '');
    fake.attachShadow({ mode: 'open' }).innerHTML = '<div class="frame"><h2>Fake card</h2><slot></slot></div>';
    fake.append('Beijing, in a fake host.');
    document.documentElement.append(fake);
  });
  // Its text is the page's like any other, and is read as such.
  await expect.poll(cities).toBe(citiesBefore + 1);

  // The page reaches into our open shadow root: it clicks every button and types Escape.
  const reached = await page.evaluate(() => {
    const ours = [...document.querySelectorAll('context-lens-ui')].find((host) =>
      host.shadowRoot?.querySelector('.frame'),
    );
    const root = ours?.shadowRoot;
    if (!root) return 0;
    const buttons = [...root.querySelectorAll('button')];
    for (const button of buttons) button.click();
    root
      .querySelector('[role="dialog"]')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    return buttons.length;
  });
  expect(reached).toBeGreaterThan(0);
  await page.waitForTimeout(300);
  const after = await card.state();
  expect(after.open).toBe(true);
  expect(after.heading).toBe(before.heading);
  expect(await card.activeText()).toEqual(['Xiaomi']);

  // The reader's own click on Close still works.
  await card.dialog.getByRole('button', { name: 'Close' }).click();
  await card.waitClosed();
  expect(extension.errors).toEqual([]);
});

test('the event that stops an older copy of our script stops nothing when a page sends it', async ({
  extension,
  page,
  server,
}) => {
  await page.goto(server.fixture('card.html'));
  await waitForScan(page);
  const before = await highlightedTexts(page);
  expect(before).toContain('Xiaomi');
  // The extension's id is public, so the event's name is too: a page can send it as a newer copy of us would.
  await page.evaluate((id) => {
    for (const messageId of ['page-1', 'page-2']) {
      document.dispatchEvent(
        new CustomEvent(`${id}:content:wxt:content-script-started`, {
          detail: { contentScriptName: 'content', messageId },
        }),
      );
    }
  }, extension.id);
  await page.evaluate(() => {
    const added = document.createElement('p');
    added.textContent = 'NetEase joined later.';
    document.body.append(added);
  });
  // We go on: what was highlighted stays, and new text is still read.
  await expect.poll(() => highlightedTexts(page)).toEqual([...before, 'NetEase'].sort());
  expect(extension.errors).toEqual([]);
});

test('after a real reload of the extension, the old copy of our script stops cleanly, and the new one takes over', async ({
  extension,
  page,
  server,
}) => {
  const thrown: string[] = [];
  page.on('pageerror', (error) => thrown.push(String(error)));
  await page.goto(server.fixture('card.html'));
  await waitForScan(page);
  const before = await highlightedTexts(page);
  expect(before).toContain('Xiaomi');
  // What an update or a reload does: the old copy's extension is gone, and the old copy stays in the page.
  const extensions = await extension.context.newPage();
  await extensions.goto('chrome://extensions/');
  type Api = {
    developerPrivate: { reload(id: string, options: object): Promise<void> };
    management: {
      get(id: string): Promise<{ enabled: boolean }>;
      setEnabled(id: string, enabled: boolean): Promise<void>;
    };
  };
  const api = (id: string, call: (chrome: Api, id: string) => Promise<unknown>) =>
    extensions
      .evaluate(`(${call})(chrome, ${JSON.stringify(id)})`)
      // The extensions page renders itself anew as the extension goes and comes: the next look asks again.
      .catch(() => null);
  await api(extension.id, (chrome, id) => chrome.developerPrivate.reload(id, { failQuietly: true }));
  // Chromium leaves an extension it was given on the command line switched off after a reload: the reader's switch.
  await expect
    .poll(() => api(extension.id, async (chrome, id) => (await chrome.management.get(id)).enabled))
    .toBe(false);
  await expect
    .poll(async () => {
      await api(extension.id, (chrome, id) => chrome.management.setEnabled(id, true));
      return api(extension.id, async (chrome, id) => (await chrome.management.get(id)).enabled);
    })
    .toBe(true);
  await extensions.close();
  // The next change the old copy hears finds its extension gone: it takes its highlights down and stops.
  await page.evaluate(() => {
    const added = document.createElement('p');
    added.textContent = 'NetEase joined later.';
    document.body.append(added);
  });
  await expect.poll(() => highlightedTexts(page)).toEqual([]);
  // A page loaded once the new copy is registered has it, and it reads the page afresh.
  await expect
    .poll(
      async () => {
        await page.reload();
        await page.waitForTimeout(500);
        return highlightedTexts(page);
      },
      { timeout: 15_000 },
    )
    .toEqual(before);
  expect(thrown).toEqual([]);
});

test.describe('the build as shipped', () => {
  test.use({ extensionDir: SHIPPED_EXTENSION_DIR });

  test('puts nothing of ours in the page’s performance timeline, while it highlights and opens a card', async ({
    extension,
    page,
    server,
  }) => {
    // The page watches its timeline from its first line, as a script that wants to know its reader would.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as { seenEntries?: string[] }).seenEntries = seen;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) seen.push(entry.name);
      }).observe({ entryTypes: ['mark', 'measure'] });
    });
    const card = new CardProbe(page);
    await page.goto(server.fixture('card.html'));
    await expect.poll(() => highlightedTexts(page)).toContain('Xiaomi');
    await card.hover(await card.mention('Xiaomi'));
    await expect.poll(() => dialogsFor(page)).toEqual([expect.stringContaining('Xiaomi')]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogsFor(page)).toEqual([]);

    const ours = (names: string[]) => names.filter((name) => name.startsWith(MEASURE_PREFIX));
    expect(ours(await page.evaluate(() => (window as { seenEntries?: string[] }).seenEntries ?? []))).toEqual([]);
    expect(ours(await page.evaluate(() => performance.getEntries().map((entry) => entry.name)))).toEqual([]);
    expect(extension.errors).toEqual([]);
  });

  test('a private story leaves a probing page nothing to read, while the reader sees its names and opens their cards', async ({
    extension,
    page,
    server,
  }) => {
    await addReaderPack(extension);

    // The page plants a name of the reader's private story, or a word that names nothing, and records what it can.
    const read = async (query: string) => {
      await page.goto(`${server.fixture('private-probe.html')}${query}`);
      await expect.poll(() => highlightedTexts(page)).toEqual(['Alibaba', 'Hangzhou']);
      await page.waitForTimeout(500);
      return { sees: await pageSees(page), shot: await probeShot(page) };
    };
    const control = await read('?control');
    const planted = await read('?plant');
    // Everything the page can read is as it is where no private name stands: registry, sheets, timeline, DOM, layout.
    expect(planted.sees).toEqual(control.sees);
    expect(planted.sees.registry).toEqual(['context-lens-firm: Alibaba', 'context-lens-city: Hangzhou']);
    expect(planted.sees.hostRoot).toBe('null');
    expect(planted.sees.hit).toBe('probe');
    // The reader sees the name painted (the same letters look otherwise), and its card opens on hover.
    expect(planted.shot.equals(control.shot)).toBe(false);
    expect((await read('?control')).shot.equals(control.shot)).toBe(true);
    await read('?plant');
    const spot = await page.evaluate(() => {
      const { left, top, height } = (document.getElementById('probe') as HTMLElement).getBoundingClientRect();
      return { x: left + 12, y: top + height / 2 };
    });
    await new CardProbe(page).hover(spot);
    await expect.poll(() => dialogsFor(page)).toEqual([expect.stringContaining('Ant Group')]);
    expect(extension.errors).toEqual([]);
  });

  test('colouring by story puts no colour of the reader’s in any sheet a page can read', async ({
    extension,
    page,
    server,
  }) => {
    const options = await extension.openOptions();
    await options.getByRole('radio', { name: 'Each story in its own colour, chosen under Stories' }).check();
    await options.locator('[data-story="china-tech-reset"]').getByRole('radio', { name: 'Cyan' }).check();
    await options.close();
    await page.goto(server.fixture('stories.html'));
    await expect.poll(() => highlightedTexts(page)).toContain('Alibaba');
    const seen = await page.evaluate(() => ({
      sheets: document.adoptedStyleSheets.length,
      styleSheets: [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)),
      names: [...CSS.highlights.keys()].sort(),
    }));
    expect(seen).toEqual({ sheets: 0, styleSheets: [], names: ['context-lens-swatch-1', 'context-lens-swatch-10'] });
    expect(extension.errors).toEqual([]);
  });

  test('keeps the card in a closed root: the reader’s screen reader has it, the page can neither read nor pin it', async ({
    extension,
    page,
    server,
  }) => {
    const card = new CardProbe(page);
    await page.goto(server.fixture('card.html'));
    await expect.poll(() => highlightedTexts(page)).toContain('Xiaomi');
    const xiaomi = await card.mention('Xiaomi');
    await card.hover(xiaomi);
    await expect.poll(() => dialogsFor(page)).toEqual([expect.stringContaining('Xiaomi')]);

    // The page finds our host, but no way in.
    const seen = await page.evaluate(() => {
      const host = document.querySelector('context-lens-ui') as HTMLElement;
      // A focus the page makes on our host is not the reader's focus in the card: it must not hold the card open.
      // (Without preventScroll the focus would scroll the page, and a scroll closes the card anyway.)
      host.tabIndex = 0;
      host.focus({ preventScroll: true });
      return { root: host.shadowRoot, focused: document.activeElement === host };
    });
    expect(seen).toEqual({ root: null, focused: true });
    // Away from the name and from the card, which sits beside it.
    const away = await page.evaluate(() => ({ x: 4, y: window.innerHeight - 4 }));
    await page.mouse.move(away.x, away.y, { steps: 5 });
    await expect.poll(() => dialogsFor(page), { timeout: 5000 }).toEqual([]);
    expect(extension.errors).toEqual([]);
  });
});

/** What the probing page can read of us, from its own world, once the page is read. */
async function pageSees(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector('context-lens-ui');
    const name = document.getElementById('probe')?.getBoundingClientRect() as DOMRect;
    const hit = document.elementFromPoint(name.left + name.width / 2, name.top + name.height / 2);
    return {
      ...(window as unknown as { seen: object }).seen,
      registry: [...CSS.highlights].map(
        ([key, highlight]) => `${key}: ${[...highlight].map(String).sort().join(', ')}`,
      ),
      sheets: document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)),
      styleSheets: document.styleSheets.length,
      hostRoot: host === null ? 'no host' : String((host as HTMLElement).shadowRoot),
      hostBox: host === null ? null : JSON.stringify(host.getBoundingClientRect()),
      hit: hit?.id || hit?.nodeName,
      timeline: performance.getEntries().filter((entry) => entry.name.startsWith('context-lens')).length,
    };
  });
}

/** What the reader sees of the probed word's first letters, "Ant Gro", the same in the name and in the other word. */
async function probeShot(page: Page): Promise<Buffer> {
  const clip = await page.evaluate(() => {
    const { left, top, height } = (document.getElementById('probe') as HTMLElement).getBoundingClientRect();
    return { x: Math.floor(left), y: Math.floor(top), width: 40, height: Math.ceil(height) };
  });
  return page.screenshot({ clip });
}

/** The names of the dialogs in the page's accessibility tree, as a screen reader finds them, closed roots included. */
async function dialogsFor(page: Page): Promise<string[]> {
  const session = await page.context().newCDPSession(page);
  try {
    const { nodes } = await session.send('Accessibility.getFullAXTree');
    return nodes.filter((node) => node.role?.value === 'dialog').map((node) => String(node.name?.value ?? ''));
  } finally {
    await session.detach();
  }
}
