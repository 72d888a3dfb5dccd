import { describe, expect, it } from 'vitest';
import { appendedSince, frontierOf } from '../../page/start/parser-frontier';

const ids = (nodes: Iterable<Node>) => [...nodes].map((n) => (n as Element).id || (n as Element).localName);
const byId = (id: string) => document.getElementById(id) as HTMLElement;

/** Appends as a parser does: at the end of the element still open. */
function parse(open: Element, html: string): void {
  open.insertAdjacentHTML('beforeend', html);
}

describe('frontierOf', () => {
  it('is the last node in tree order, with its text length', () => {
    document.body.innerHTML = '<main id="m"><p id="p">Alibaba, based in Hang</p></main>';
    const frontier = frontierOf(document, null);
    expect(frontier.node).toBe(byId('p').firstChild);
    expect(frontier.length).toBe('Alibaba, based in Hang'.length);
  });

  it('leaves out our UI host', () => {
    document.body.innerHTML = '<p id="p">Xiaomi</p><context-lens-ui id="ui"><span>card</span></context-lens-ui>';
    expect(frontierOf(document, byId('ui')).node).toBe(byId('p').firstChild);
  });
});

describe('appendedSince', () => {
  it('is null while the parser has appended nothing', () => {
    document.body.innerHTML = '<main id="m"><p id="p">Alibaba</p></main>';
    const frontier = frontierOf(document, null);
    expect(appendedSince(frontier, frontierOf(document, null))).toBeNull();
  });

  it('reads again the block whose text the parser went on with', () => {
    document.body.innerHTML = '<main id="m"><p id="p">Alibaba, based in Hang</p></main>';
    const frontier = frontierOf(document, null);
    (byId('p').firstChild as Text).appendData('zhou, was fined.');
    const plan = appendedSince(frontier, frontierOf(document, null));
    expect(ids(plan?.shallow ?? [])).toEqual(['p']);
    expect(plan?.deep).toEqual([]);
  });

  it('reads the blocks appended after the frontier, at every depth, and the inline text beside it', () => {
    document.body.innerHTML = '<main id="m"><article id="a"><p id="p">Alibaba <b id="b">Hang</b></p></article></main>';
    const frontier = frontierOf(document, null);
    parse(byId('p'), 'zhou <i>fined</i>');
    parse(byId('a'), '<p id="q">Xiaomi in Shenzhen</p>');
    parse(byId('m'), '<section id="s"><p>Tencent</p></section>');
    const plan = appendedSince(frontier, frontierOf(document, null));
    expect(ids(plan?.shallow ?? [])).toEqual(['p']);
    expect(ids(plan?.deep ?? [])).toEqual(['q', 's']);
  });

  it('reads an element the parser had only opened, with what it now holds', () => {
    document.body.innerHTML = '<main id="m"><p id="p">Alibaba</p><div id="d"></div></main>';
    const frontier = frontierOf(document, null);
    parse(byId('d'), '<p>Xiaomi</p>');
    expect(ids(appendedSince(frontier, frontierOf(document, null))?.deep ?? [])).toEqual(['d']);
  });

  it('reads the first of many appended subtrees, leaving the rest, far below, to the full read', () => {
    document.body.innerHTML = '<main id="m"><p id="p">Alibaba</p></main>';
    const frontier = frontierOf(document, null);
    parse(byId('m'), Array.from({ length: 100 }, (_, k) => `<p id="p${k}">Xiaomi</p>`).join(''));
    const deep = ids(appendedSince(frontier, frontierOf(document, null))?.deep ?? []);
    expect(deep).toHaveLength(64);
    expect(deep[0]).toBe('p0');
    expect(deep.at(-1)).toBe('p63');
  });

  it('leaves to the full read a frontier a script took out of the page', () => {
    document.body.innerHTML = '<main id="m"><p id="p">Alibaba</p></main>';
    const frontier = frontierOf(document, null);
    byId('p').remove();
    parse(byId('m'), '<p>Xiaomi</p>');
    expect(appendedSince(frontier, frontierOf(document, null))).toBeNull();
  });
});
