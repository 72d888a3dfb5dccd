import { describe, expect, it, vi } from 'vitest';
import { MutationBatches, planWork } from '../../page/read/live-changes';

/** Runs `change` on a fresh body and returns the records a MutationObserver saw. */
async function recordsOf(html: string, change: () => void): Promise<MutationRecord[]> {
  document.body.innerHTML = html;
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((list) => records.push(...list));
  observer.observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['hidden', 'contenteditable'],
  });
  change();
  await new Promise((resolve) => setTimeout(resolve, 0));
  observer.disconnect();
  return records;
}

const ids = (nodes: Iterable<Node>) => [...nodes].map((n) => (n as Element).id || (n as Element).localName);
const byId = (id: string) => document.getElementById(id) as HTMLElement;

describe('planWork', () => {
  it('rescans the container of edited text', async () => {
    const records = await recordsOf('<div id="d"><p id="p">Jack <b>M</b></p></div>', () => {
      (byId('p').querySelector('b')?.firstChild as Text).data = 'Ma';
    });
    expect(ids(planWork(records, null).shallow)).toEqual(['p']);
  });

  it('reads an added block as a subtree, and inline additions through their container', async () => {
    const records = await recordsOf('<main id="m"><p id="p">Hello</p></main>', () => {
      const article = document.createElement('article');
      article.id = 'a';
      article.innerHTML = '<p>Xiaomi</p>';
      byId('m').append(article);
      byId('p').append(document.createElement('b'));
    });
    const plan = planWork(records, null);
    expect(ids(plan.deep)).toEqual(['a']);
    expect(ids(plan.shallow)).toEqual(['p']);
    expect(plan.sweep).toBe(false);
  });

  it('sweeps when a block is removed, and rescans when inline text is removed', async () => {
    const records = await recordsOf('<main id="m"><p id="p">a <i>b</i></p><p id="gone">c</p></main>', () => {
      byId('gone').remove();
      byId('p').querySelector('i')?.remove();
    });
    const plan = planWork(records, null);
    expect(plan.sweep).toBe(true);
    expect(ids(plan.shallow)).toEqual(['p']);
  });

  it('covers nested work by the outermost subtree', async () => {
    const records = await recordsOf('<main id="m"></main>', () => {
      const outer = document.createElement('section');
      outer.id = 'outer';
      byId('m').append(outer);
      const inner = document.createElement('div');
      inner.id = 'inner';
      outer.append(inner);
      inner.append('text');
    });
    const plan = planWork(records, null);
    expect(ids(plan.deep)).toEqual(['outer']);
    expect(plan.shallow).toEqual([]);
  });

  it('rereads an element whose hidden or contenteditable attribute changed', async () => {
    const records = await recordsOf('<div id="d">Tianjin</div>', () => {
      byId('d').hidden = true;
    });
    expect(ids(planWork(records, null).deep)).toEqual(['d']);
  });

  it('never plans work for our own UI host or what happens inside it', async () => {
    const records = await recordsOf('<p id="p">text</p>', () => {
      const host = document.createElement('context-lens-ui');
      host.id = 'host';
      document.body.append(host);
      host.append(document.createElement('div'));
      host.textContent = 'Alibaba';
    });
    const plan = planWork(records, byId('host'));
    expect(plan).toEqual({ deep: [], shallow: [], sweep: false });
  });
});

describe('MutationBatches', () => {
  const record = (id: string) => ({ target: { id } }) as unknown as MutationRecord;

  it('hands records on in batches, one at a time, and gathers what comes meanwhile', async () => {
    const seen: string[][] = [];
    let finish: () => void = () => undefined;
    const batches = new MutationBatches(async (records) => {
      seen.push(records.map((r) => (r.target as unknown as { id: string }).id));
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
      return 0;
    }, new AbortController().signal);
    batches.push([record('a'), record('b')]);
    await vi.waitFor(() => expect(seen).toEqual([['a', 'b']]));
    // While the first batch works, later records wait and go together.
    batches.push([record('c')]);
    batches.push([record('d')]);
    finish();
    await vi.waitFor(() =>
      expect(seen).toEqual([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    );
    finish();
  });

  it('waits nine times as long as the last batch worked before the next batch', async () => {
    const times: number[] = [];
    const batches = new MutationBatches(async () => {
      times.push(performance.now());
      // Each batch says it worked 20 ms.
      return 20;
    }, new AbortController().signal);
    batches.push([record('a')]);
    await vi.waitFor(() => expect(times).toHaveLength(1), { timeout: 2000 });
    batches.push([record('b')]);
    await vi.waitFor(() => expect(times).toHaveLength(2), { timeout: 2000 });
    expect((times[1] as number) - (times[0] as number)).toBeGreaterThanOrEqual(170);
  });

  it('hands nothing on once its signal aborts', async () => {
    const process = vi.fn(async () => 0);
    const stop = new AbortController();
    const batches = new MutationBatches(process, stop.signal);
    batches.push([record('a')]);
    stop.abort();
    batches.push([record('b')]);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(process).not.toHaveBeenCalled();
  });
});
