import { afterEach, describe, expect, it } from 'vitest';
import { ChangeWatch } from '../../page/read/change-watch';

const stop = new AbortController();
afterEach(() => {
  document.body.innerHTML = '';
});

/** A watch on the body that counts the records it hands on and the times it found a storm over. */
function watchBody() {
  const heard = { records: 0, calm: 0 };
  const watch = new ChangeWatch(
    (records) => {
      heard.records += records.length;
    },
    () => {
      heard.calm++;
    },
    stop.signal,
  );
  watch.observe(document.body);
  return { watch, heard };
}

const delivered = () => new Promise((resolve) => setTimeout(resolve, 0));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ChangeWatch', () => {
  it('hands on every change while the page is calm', async () => {
    const { watch, heard } = watchBody();
    const p = document.body.appendChild(document.createElement('p'));
    for (let i = 0; i < 10; i++) p.textContent = `Beijing ${i}`;
    await delivered();
    // Each rewrite is at least one record (the DOM's own count per rewrite varies by engine).
    expect(heard.records).toBeGreaterThanOrEqual(10);
    expect(heard.calm).toBe(0);
    watch.disconnect();
  });

  it('in a storm, looks only now and then, and when the page is calm again watches whole and asks for a reread', async () => {
    const { watch, heard } = watchBody();
    const p = document.body.appendChild(document.createElement('p'));
    for (let i = 0; i < 1500; i++) p.textContent = `Beijing ${i}`;
    await delivered();
    const inStorm = heard.records;
    expect(inStorm).toBeGreaterThan(1000);
    // Between looks nothing is heard, however much the page changes.
    for (let i = 0; i < 100; i++) p.textContent = `Tianjin ${i}`;
    await delivered();
    expect(heard.records).toBe(inStorm);
    // The first look, half a second on, finds the page calm.
    await wait(700);
    expect(heard.calm).toBe(1);
    p.textContent = 'Shenzhen';
    await delivered();
    expect(heard.records).toBeGreaterThan(inStorm);
    watch.disconnect();
  });

  it('while the storm goes on, hands on what each look sees, and is not calm until it ends', async () => {
    const { watch, heard } = watchBody();
    const p = document.body.appendChild(document.createElement('p'));
    let n = 0;
    const storm = setInterval(() => {
      for (let i = 0; i < 50; i++) p.textContent = `Beijing ${n++}`;
    }, 2);
    await wait(100);
    const atStart = heard.records;
    await wait(700);
    expect(heard.records).toBeGreaterThan(atStart);
    expect(heard.calm).toBe(0);
    clearInterval(storm);
    await wait(700);
    expect(heard.calm).toBe(1);
    watch.disconnect();
  });
});
