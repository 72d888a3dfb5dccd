import { afterEach, describe, expect, it, vi } from 'vitest';
import { runSteps } from '../../engine/steps';
import { HighlightRenderer, KIND_SCHEME } from '../../page/highlight/highlight-renderer';
import { MentionStore, type MentionVisibility } from '../../page/highlight/mention-store';
import { type PassResult, scanPass } from '../../page/read/page-scan';
import { FIRMS_AND_A_CITY, showPage } from './page-fixtures';

const EVERY_MENTION: MentionVisibility = { watch: () => undefined, forget: () => undefined, isShown: () => true };
const MARK_ALL = { admits: () => true, isCommonName: () => false };

afterEach(() => {
  CSS.highlights.clear();
  document.body.replaceChildren();
});

/** One pass over the whole body, as a first read makes it: the store it filled, and what it says of itself. */
function scanBody(ownHost: Element | null = null, onShadowRoot = vi.fn()) {
  const store = new MentionStore(new HighlightRenderer(KIND_SCHEME), new Set(), EVERY_MENTION, MARK_ALL);
  const result: PassResult = runSteps(
    scanPass(
      { deep: [document.body], shallow: [], sweep: false },
      { store, unread: [], heldUnread: [] },
      { matcher: FIRMS_AND_A_CITY, ownHost, onShadowRoot, matters: () => true, walkHeld: false },
    ),
  );
  const texts = [...store.shown()].map((mention) => mention.range.toString());
  return { store, result, texts, onShadowRoot };
}

describe('one pass over the page', () => {
  it('reads a name across inline elements as one mention, its range over both', () => {
    showPage('<p>Ali<b>baba</b> grew.</p>');
    const { store } = scanBody();
    const [mention] = [...store.shown()];
    expect(mention?.range.toString()).toBe('Alibaba');
    expect(mention?.nodes).toHaveLength(2);
  });

  it('finds a name where a menu’s items run on in the markup, and not inside a word split between elements', () => {
    showPage(
      '<p><span>vs</span><img alt=""><span>Alibaba Cloud</span><a>Phone X21</a><a>Hangzhou</a></p><p><b>Ali</b>baba<b>Tencent</b>s</p>',
    );
    expect(scanBody().texts).toEqual(['Alibaba', 'Hangzhou', 'Alibaba']);
  });

  it('reads two text nodes of one element as one run of text, with no boundary between them', () => {
    showPage('<p id="p">Ask</p>');
    (document.getElementById('p') as HTMLElement).append(document.createTextNode('Alibaba today'));
    expect(scanBody().texts).toEqual([]);
  });

  it('never reads a name across blocks', () => {
    showPage('<div>Ali</div><div>baba</div>');
    expect(scanBody().texts).toEqual([]);
  });

  it('leaves out what a reader does not read as text: scripts, styles, form fields and editable text', () => {
    showPage(
      '<script>var a = "Alibaba"</script><style>.Alibaba{}</style><textarea>Alibaba</textarea>' +
        '<div contenteditable>Alibaba</div><p>Tencent</p>',
    );
    expect(scanBody().texts).toEqual(['Tencent']);
  });

  it('reads open shadow roots, and tells of each', () => {
    showPage('<p>Hangzhou</p><x-card></x-card>');
    const host = document.querySelector('x-card') as Element;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Tencent</p>';
    const { texts, onShadowRoot } = scanBody();
    expect(texts.sort()).toEqual(['Hangzhou', 'Tencent']);
    expect(onShadowRoot).toHaveBeenCalledWith(root);
  });

  it('never reads our own UI', () => {
    showPage('<p>Alibaba</p><context-lens-ui><p>Tencent</p></context-lens-ui>');
    expect(scanBody(document.querySelector('context-lens-ui')).texts).toEqual(['Alibaba']);
  });

  it('surveys a page that names nothing rather than walking it', () => {
    showPage(`<main>${'<p>Nothing of the stories here.</p>'.repeat(50)}</main>`);
    const { texts, result } = scanBody();
    expect(texts).toEqual([]);
    expect(result.surveyed).toBeGreaterThan(0);
  });
});
