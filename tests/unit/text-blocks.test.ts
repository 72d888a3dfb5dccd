import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../engine/matcher/matcher';
import { blockContainerOf } from '../../page/read/element-rules';
import { placeMention } from '../../page/read/mention-placement';
import { ownBlockSteps, textBlocks } from '../../page/read/text-blocks';
import { CHINA_PACK } from '../bundled-stories';

function blocksOf(html: string, ownHost: Element | null = null) {
  document.body.innerHTML = html;
  return [...textBlocks(document.body, { ownHost })].map((block) => block.text);
}

describe('textBlocks', () => {
  it('joins the inline text of a block into one string', () => {
    expect(blocksOf('<p>Jack <a href="#">Ma</a> and Ali<b>baba</b></p>')).toEqual(['Jack Ma and Alibaba']);
  });

  it('ends a block at block elements and <br>', () => {
    expect(blocksOf('<div>one<p>two</p>three<br>four</div><p>five</p>')).toEqual([
      'one',
      'two',
      'three',
      'four',
      'five',
    ]);
  });

  it('yields no block of white space alone, and keeps the spaces inside one', () => {
    expect(blocksOf('<div>\n  <p> Jack\n <b>Ma</b> </p>\n\u00a0<br>\t</div>')).toEqual([' Jack\n Ma ']);
  });

  it('skips what readers do not read as prose', () => {
    const html = [
      '<p>kept</p>',
      '<script>s</script><style>x{}</style><noscript>n</noscript><template>t</template>',
      '<textarea>ta</textarea><select><option>o</option></select>',
      '<pre>p</pre><code>c</code><kbd>k</kbd><samp>s</samp>',
      '<div contenteditable="true">edit</div><div contenteditable>edit2</div><div hidden>h</div>',
      '<div contenteditable="false">read</div>',
    ].join('');
    expect(blocksOf(html)).toEqual(['kept', 'read']);
  });

  it('skips our own UI host', () => {
    document.body.innerHTML = '<p>page</p><context-lens-ui><p>ours</p></context-lens-ui>';
    const ownHost = document.body.querySelector('context-lens-ui');
    expect([...textBlocks(document.body, { ownHost })].map((b) => b.text)).toEqual(['page']);
  });

  it('names the container of each block: its nearest ancestor that is not inline', () => {
    document.body.innerHTML = '<div id="d">lead <span>in</span><p id="p">para <b>bold</b></p>tail</div>';
    const blocks = [...textBlocks(document.body)];
    expect(blocks.map((b) => [b.text, (b.container as Element).id])).toEqual([
      ['lead in', 'd'],
      ['para bold', 'p'],
      ['tail', 'd'],
    ]);
    const bold = document.querySelector('b')?.firstChild as Node;
    expect((blockContainerOf(bold) as Element).id).toBe('p');
  });

  it('reads only a container’s own inline text when shallow', () => {
    document.body.innerHTML = '<div id="d">lead <span>in</span><p>para</p>tail</div>';
    const div = document.getElementById('d') as Element;
    const blocks = [...ownBlockSteps(div)].filter((b) => b !== null);
    expect(blocks.map((b) => b.text)).toEqual(['lead in', 'tail']);
    // Both report the container read, even the one after a nested block.
    expect(blocks.map((b) => b.container)).toEqual([div, div]);
  });

  it('reads open shadow roots after the light tree and reports them', () => {
    document.body.innerHTML = '<p>light</p><div id="host"></div><p>after</p>';
    const shadow = (document.getElementById('host') as Element).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>shadow text</p>';
    const seen: ShadowRoot[] = [];
    const blocks = [...textBlocks(document.body, { onShadowRoot: (root) => seen.push(root) })];
    expect(blocks.map((b) => b.text)).toEqual(['light', 'after', 'shadow text']);
    expect(seen).toEqual([shadow]);
  });

  it('finds shadow roots on custom elements and on the built-in elements that may host one', () => {
    document.body.innerHTML = '<my-card></my-card><span id="s"></span><article id="a"></article>';
    const roots = ['my-card', '#s', '#a'].map((selector) => {
      const root = (document.querySelector(selector) as Element).attachShadow({ mode: 'open' });
      root.innerHTML = `<p>in ${selector}</p>`;
      return root;
    });
    const seen: ShadowRoot[] = [];
    const blocks = [...textBlocks(document.body, { onShadowRoot: (root) => seen.push(root) })];
    expect(blocks.map((b) => b.text)).toEqual(['in my-card', 'in #s', 'in #a']);
    expect(seen).toEqual(roots);
  });

  it('reads the shadow root of a host it starts from, as after a custom element is added', () => {
    document.body.innerHTML = '<my-card>slotted</my-card>';
    const host = document.querySelector('my-card') as Element;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>in the card</p>';
    const seen: ShadowRoot[] = [];
    expect([...textBlocks(host, { onShadowRoot: (root) => seen.push(root) })].map((b) => b.text)).toEqual([
      'slotted',
      'in the card',
    ]);
    expect(seen).toEqual([shadow]);
    expect([...ownBlockSteps(host)].filter((b) => b !== null).map((b) => b.text)).toEqual(['slotted']);
  });

  it('stops where its budget of nodes runs out, across the roots of a pass', () => {
    document.body.innerHTML = Array.from({ length: 1000 }, (_, i) => `<p>para ${i}</p>`).join('');
    const budget = { nodesLeft: 300 };
    const texts = [...textBlocks(document.body, { budget })].map((b) => b.text);
    // Two nodes a paragraph: about 150 read, in order from the start, then nothing.
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.length).toBeLessThan(300);
    expect(texts.slice(0, 3)).toEqual(['para 0', 'para 1', 'para 2']);
    expect(budget.nodesLeft).toBeLessThanOrEqual(0);
    expect([...textBlocks(document.body, { budget })]).toEqual([]);
  });

  it('maps offsets in a block back to text nodes when a mention is placed', () => {
    document.body.innerHTML = '<p>Jack <a>Ma</a> spoke of <b>Ali</b>baba</p>';
    const [block] = [...textBlocks(document.body)];
    if (!block) throw new Error('no block');
    const [jackMa, alibaba] = compileMatcher(CHINA_PACK.entities)
      .findMentions(block.text)
      .mentions.map((m) => placeMention(block, m));
    // An end on a node boundary stays in the node before it; a start there goes to the node after.
    expect([jackMa?.range.startContainer.textContent, jackMa?.range.startOffset]).toEqual(['Jack ', 0]);
    expect([jackMa?.range.endContainer.textContent, jackMa?.range.endOffset]).toEqual(['Ma', 2]);
    expect(jackMa?.nodes.map((n) => n.data)).toEqual(['Jack ', 'Ma']);
    expect([alibaba?.range.startContainer.textContent, alibaba?.range.startOffset]).toEqual(['Ali', 0]);
    expect(alibaba?.range.toString()).toBe('Alibaba');
  });
});
