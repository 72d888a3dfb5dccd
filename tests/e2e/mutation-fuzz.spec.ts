import type { Page } from '@playwright/test';
import { waitForScan } from '../../tools/scripts/page-probe';
import { expect, test } from './fixtures';

/**
 * Random bursts of changes to a live page (inserts, removals, text edits,
 * split text nodes, moved subtrees), with full names and later forms ("Ma",
 * "JD") arriving in any order. After each burst settles, the page's
 * highlights must equal those of a fresh load of the same markup.
 */

const SEEDS = [1, 2, 3];
const BURSTS = 12;

/** Each highlight as its kind, its text and where it starts in the body's text: the same on any load of the same markup. */
function highlightsByTextOffset(): string[] {
  const offsets = new Map<Node, number>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let total = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    offsets.set(node, total);
    total += (node as Text).data.length;
  }
  const found: string[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('context-lens-') || name === 'context-lens-active' || name === 'context-lens-flash') continue;
    for (const r of highlight as Highlight) {
      const range = r as Range;
      const at = (offsets.get(range.startContainer) ?? Number.NaN) + range.startOffset;
      found.push(`${at} ${name.slice('context-lens-'.length)} ${range.toString()}`);
    }
  }
  return found.sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b));
}

/** One burst of random changes, from a seeded generator so that a failure can be replayed. */
function burst({ seed, names }: { seed: number; names: string[] }): number {
  let state = seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const words = ['the', 'market', 'said', 'today', 'while', 'and', 'then', 'more'];
  const phrase = () => {
    const parts: string[] = [];
    for (let i = 0, n = 1 + Math.floor(random() * 4); i < n; i++)
      parts.push(random() < 0.4 ? pick(names) : pick(words));
    return `${parts.join(' ')}${pick(['. ', ', ', ' ', '; '])}`;
  };
  const body = document.body;
  const blocks = () => [body, ...body.querySelectorAll('div')];
  const inlines = () => [...body.querySelectorAll('span, b, em')];
  const texts = () => {
    const found: Text[] = [];
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) found.push(n as Text);
    return found;
  };
  const inline = () => {
    const el = document.createElement(pick(['span', 'b', 'em']));
    el.textContent = phrase();
    return el;
  };
  const block = () => {
    const el = document.createElement('div');
    for (let i = 0, n = 1 + Math.floor(random() * 3); i < n; i++) el.append(random() < 0.5 ? phrase() : inline());
    return el;
  };
  const ops = 1 + Math.floor(random() * 20);
  for (let i = 0; i < ops; i++) {
    const op = random();
    if (op < 0.25) {
      // Insert a block, or inline text, somewhere.
      const parent = pick(blocks());
      const before = pick([...parent.childNodes, null]);
      parent.insertBefore(random() < 0.5 ? block() : inline(), before);
    } else if (op < 0.4) {
      const victim = pick([...blocks().slice(1), ...inlines()]);
      victim?.remove();
    } else if (op < 0.6) {
      const text = pick(texts());
      if (text !== undefined) text.data = phrase();
    } else if (op < 0.7) {
      const text = pick(texts());
      if (text !== undefined && text.data.length > 1) text.splitText(1 + Math.floor(random() * (text.data.length - 1)));
    } else if (op < 0.85) {
      // Move a block into another block that is not inside it.
      const moved = pick(blocks().slice(1));
      const target = pick(blocks().filter((b) => moved !== undefined && !moved.contains(b)));
      if (moved !== undefined && target !== undefined) target.insertBefore(moved, pick([...target.childNodes, null]));
    } else {
      // Move inline text into another block or inline.
      const moved = pick(inlines());
      const target = pick([...blocks(), ...inlines()].filter((el) => moved !== undefined && !moved.contains(el)));
      if (moved !== undefined && target !== undefined) target.append(moved);
    }
  }
  return ops;
}

async function freshHighlights(page: Page, html: string): Promise<string[]> {
  const url = 'http://127.0.0.1/fuzz/fresh.html';
  const fresh = await page.context().newPage();
  await fresh.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await fresh.goto(url);
  await waitForScan(fresh);
  const found = await fresh.evaluate(highlightsByTextOffset);
  await fresh.close();
  return found;
}

for (const seed of SEEDS) {
  test(`random bursts of changes end where a fresh scan does (seed ${seed})`, async ({ extension, page, server }) => {
    test.setTimeout(180_000);
    // Own actors only: whether a common name is marked depends on the page's history (an actor may have
    // come and gone, and its story stays open), which a fresh load cannot repeat. tests/page/story-rule.test.ts
    // holds the common names' rule.
    const names = ['Jack Ma', 'Ma', 'JD.com', 'JD', 'Alibaba', 'Yin Li', 'Yin', 'Xiaomi'];
    await page.goto(server.fixture('live.html'));
    await waitForScan(page);
    await page.evaluate(() => {
      (document.getElementById('first') as HTMLElement).textContent = 'Xiaomi opens the feed.';
    });
    for (let b = 0; b < BURSTS; b++) {
      await page.evaluate(burst, { seed: seed * 1000 + b, names });
      const html = await page.evaluate(
        () =>
          `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>${document.body.innerHTML}</body></html>`,
      );
      const expected = await freshHighlights(page, html);
      await expect
        .poll(() => page.evaluate(highlightsByTextOffset), { message: `seed ${seed}, burst ${b}`, timeout: 10_000 })
        .toEqual(expected);
    }
    expect(extension.errors).toEqual([]);
  });
}
