import { beforeEach, describe, expect, it } from 'vitest';
import { compareComposed, containsComposed, parentOf } from '../../page/read/composed-tree';

let shadow: ShadowRoot;
const byId = (id: string, root: Document | ShadowRoot = document) => root.getElementById(id) as HTMLElement;

beforeEach(() => {
  document.body.innerHTML = '<p id="before">a</p><div id="host"></div><p id="after">b</p>';
  shadow = byId('host').attachShadow({ mode: 'open' });
  shadow.innerHTML = '<p id="inside">c</p><span id="nested-host"></span>';
  (shadow.getElementById('nested-host') as HTMLElement).attachShadow({ mode: 'open' }).innerHTML = '<p id="deep">d</p>';
});

const deep = () => (byId('nested-host', shadow).shadowRoot as ShadowRoot).getElementById('deep') as HTMLElement;

describe('the composed tree', () => {
  it('climbs from a shadow root to its host', () => {
    expect(parentOf(shadow)).toBe(byId('host'));
    expect(containsComposed(document.body, deep())).toBe(true);
    expect(containsComposed(byId('host'), byId('inside', shadow))).toBe(true);
    expect(containsComposed(shadow, byId('after'))).toBe(false);
  });

  it('orders nodes as a reader meets them: a shadow tree where its host stands', () => {
    const nodes = [byId('after'), deep(), byId('inside', shadow), byId('before')];
    expect(nodes.sort(compareComposed).map((n) => n.id)).toEqual(['before', 'inside', 'deep', 'after']);
  });

  it('orders a light node against a shadow node by the host, whichever comes first in the call', () => {
    expect(compareComposed(byId('before'), byId('inside', shadow))).toBeLessThan(0);
    expect(compareComposed(byId('inside', shadow), byId('before'))).toBeGreaterThan(0);
    expect(compareComposed(byId('after'), deep())).toBeGreaterThan(0);
    expect(compareComposed(deep(), byId('after'))).toBeLessThan(0);
  });

  it('puts a host before what its shadow tree holds', () => {
    expect(compareComposed(byId('host'), byId('inside', shadow))).toBeLessThan(0);
    expect(compareComposed(byId('inside', shadow), byId('host'))).toBeGreaterThan(0);
  });
});
