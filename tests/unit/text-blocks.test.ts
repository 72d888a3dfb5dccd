import { describe, expect, it } from 'vitest';
import { locate, textBlocks } from '../../page/text-blocks';

function blocksOf(html: string, ownHost: Element | null = null) {
  document.body.innerHTML = html;
  return [...textBlocks(document.body, ownHost)].map((block) => block.text);
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
    const host = document.body.querySelector('context-lens-ui');
    expect([...textBlocks(document.body, host)].map((b) => b.text)).toEqual(['page']);
  });

  it('maps offsets in a block back to text nodes', () => {
    document.body.innerHTML = '<p>Jack <a>Ma</a> spoke</p>';
    const [block] = [...textBlocks(document.body)];
    if (!block) throw new Error('no block');
    const [startNode, startOffset] = locate(block, 0, false);
    const [endNode, endOffset] = locate(block, 7, true);
    expect([startNode.data, startOffset]).toEqual(['Jack ', 0]);
    expect([endNode.data, endOffset]).toEqual(['Ma', 2]);
    const [nextNode, nextOffset] = locate(block, 7, false);
    expect([nextNode.data, nextOffset]).toEqual([' spoke', 0]);
  });
});
