import { beforeEach, describe, expect, it } from 'vitest';
import { compileMatcher } from '../../engine/matcher/matcher';
import {
  type MentionPainter,
  MentionStore,
  type MentionVisibility,
  type PageMention,
} from '../../page/highlight/mention-store';
import { CHINA_PACK } from '../bundled-stories';
import { scanIntoStore } from '../scan-into-store';

const matcher = compileMatcher(CHINA_PACK.entities);

/** Paints into a list, so the tests can see what the page would show. */
class RecordingPainter implements MentionPainter {
  readonly painted = new Set<Range>();
  add({ range }: PageMention) {
    this.painted.add(range);
  }
  remove({ range }: PageMention) {
    this.painted.delete(range);
  }
}

let painter: RecordingPainter;
let store: MentionStore;
/** Texts whose mentions the fake visibility calls hidden; every other mention is shown. */
let hiddenTexts: Set<string>;
const visibility: MentionVisibility = {
  watch() {},
  forget() {},
  isShown: (mention) => !hiddenTexts.has(mention.nodes[0]?.parentElement?.id ?? ''),
};

/** Scans the body as the page highlighter does, into the store. */
function scan(html: string) {
  document.body.innerHTML = html;
  scanIntoStore(document.body, matcher, store);
}

const textOf = (selector: string, index = 0) => document.querySelector(selector)?.childNodes[index] as Text;

beforeEach(() => {
  painter = new RecordingPainter();
  hiddenTexts = new Set();
  store = new MentionStore(painter, matcher.entitiesWithLaterForms, visibility, {
    admits: () => true,
    isCommonName: () => false,
  });
});

describe('MentionStore', () => {
  it('holds the mentions its gate does not admit: unpainted, uncounted, unhovered, counted as unmarked', () => {
    const admitted = new Set(['alibaba']);
    store = new MentionStore(painter, matcher.entitiesWithLaterForms, visibility, {
      admits: ({ lensId }) => admitted.has(lensId),
      isCommonName: ({ lensId }) => lensId === 'hangzhou',
    });
    scan('<p id="story">Alibaba opened in Hangzhou.</p>');
    expect([...painter.painted].map(String)).toEqual(['Alibaba']);
    expect(store.counts()).toEqual({ alibaba: 1 });
    expect(store.unmarkedCounts()).toEqual({ hangzhou: 1 });
    const text = textOf('#story');
    expect(store.mentionsAt(text, text.data.indexOf('Hangzhou') + 1)).toEqual([]);
    admitted.add('hangzhou');
    expect(store.markAdmitted()).toBe(true);
    expect([...painter.painted].map(String)).toEqual(['Alibaba', 'Hangzhou']);
    expect(store.counts()).toEqual({ alibaba: 1, hangzhou: 1 });
    expect(store.unmarkedCounts()).toEqual({});
    expect(store.mentionsAt(text, text.data.indexOf('Hangzhou') + 1).map((m) => m.lensId)).toEqual(['hangzhou']);
  });

  it('drops held mentions with their container', () => {
    store = new MentionStore(painter, matcher.entitiesWithLaterForms, visibility, {
      admits: () => false,
      isCommonName: () => true,
    });
    scan('<p id="story">Hangzhou</p>');
    expect(store.unmarkedCounts()).toEqual({ hangzhou: 1 });
    store.dropWhere(() => true);
    expect(store.unmarkedCounts()).toEqual({});
    expect(store.markAdmitted()).toBe(false);
  });

  it('counts only the mentions a reader can see, and all of them once shown', () => {
    hiddenTexts = new Set(['menu']);
    scan('<p id="menu">Alibaba and Xiaomi</p><p id="story">Alibaba</p>');
    expect(store.counts()).toEqual({ alibaba: 1 });
    expect(store.size).toBe(3);
    hiddenTexts = new Set();
    expect(store.counts()).toEqual({ alibaba: 2, xiaomi: 1 });
  });

  it('finds the mention under a caret position, through every node of a split mention', () => {
    scan('<p id="p">Met Jack <a>Ma</a> and Xiaomi.</p>');
    const before = textOf('#p');
    expect(store.mentionsAt(before, 2)).toEqual([]);
    expect(store.mentionsAt(before, 5).map((m) => m.lensId)).toEqual(['jack-ma']);
    expect(store.mentionsAt(textOf('a'), 1).map((m) => m.lensId)).toEqual(['jack-ma']);
    const after = textOf('#p', 2);
    expect(store.mentionsAt(after, after.data.indexOf('Xiaomi') + 3).map((m) => m.lensId)).toEqual(['xiaomi']);
    expect(store.mentionsAt(document.body, 0)).toEqual([]);
  });

  it('counts, and forgets what a dropped container held, in the index and the paint', () => {
    scan('<p id="a">Beijing and Jack Ma</p><p id="b">Beijing</p>');
    expect(store.counts()).toEqual({ beijing: 2, 'jack-ma': 1 });
    expect(painter.painted.size).toBe(3);
    const a = document.getElementById('a') as Element;
    const lost = store.dropWhere((c) => c === a);
    // Only names that open later forms matter to what follows them.
    expect(lost).toEqual(new Set(['jack-ma']));
    expect(store.counts()).toEqual({ beijing: 1 });
    expect(painter.painted.size).toBe(1);
    expect(store.mentionsAt(textOf('#a'), 2)).toEqual([]);
    expect(store.mentionsAt(textOf('#b'), 2).map((m) => m.lensId)).toEqual(['beijing']);
  });

  it('knows which later forms a container turned away, and where full names stand', () => {
    scan('<p id="early">Ma spoke.</p><p id="full">Jack Ma listened.</p><p id="late">Ma left.</p>');
    const early = document.getElementById('early') as Element;
    const late = document.getElementById('late') as Element;
    expect(store.seenBefore(early)).toEqual(new Set());
    expect(store.seenBefore(late)).toEqual(new Set(['jack-ma']));
    expect(store.containersToRecheck(new Set(['jack-ma']))).toEqual([early, late]);
  });
});
