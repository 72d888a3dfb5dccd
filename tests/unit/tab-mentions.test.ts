import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  forgetTab,
  frameForCommands,
  frameWithEntity,
  saveFrameMentions,
  tabMentions,
} from '../../background/tab-mentions';
import { SESSION_KEYS } from '../../platform/storage/storage-keys';

const { frameMentions, frameUnmarked } = SESSION_KEYS;

describe('mention counts per tab', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('adds up the frames of a tab', async () => {
    await saveFrameMentions(7, 0, { alibaba: 2, beijing: 1 });
    await saveFrameMentions(7, 3, { alibaba: 1, 'jack-ma': 4 });
    await saveFrameMentions(8, 0, { tianjin: 9 });
    expect((await tabMentions(7)).counts).toEqual({ alibaba: 3, beijing: 1, 'jack-ma': 4 });
  });

  it('adds up the common names each frame left unmarked, apart from the marked mentions', async () => {
    await saveFrameMentions(7, 0, { alibaba: 2 }, { australia: 34, 'united-kingdom': 1 });
    await saveFrameMentions(7, 3, {}, { 'united-kingdom': 15 });
    await saveFrameMentions(8, 0, {}, { australia: 9 });
    expect(await tabMentions(7)).toEqual({
      counts: { alibaba: 2 },
      unmarked: { australia: 34, 'united-kingdom': 16 },
    });
  });

  it('replaces a frame’s earlier report', async () => {
    await saveFrameMentions(7, 0, { alibaba: 2 }, { australia: 3 });
    await saveFrameMentions(7, 0, { beijing: 1 }, {});
    expect(await tabMentions(7)).toEqual({ counts: { beijing: 1 }, unmarked: {} });
  });

  it('forgets one tab, marked and unmarked, and keeps the others', async () => {
    await saveFrameMentions(7, 0, { alibaba: 2 }, { australia: 3 });
    await saveFrameMentions(7, 4, {}, { australia: 1 });
    await saveFrameMentions(70, 0, { beijing: 1 }, { australia: 5 });
    await forgetTab(7);
    expect(await tabMentions(7)).toEqual({ counts: {}, unmarked: {} });
    expect(Object.keys(await fakeBrowser.storage.session.get(null)).sort()).toEqual([
      frameMentions.key(70, 0),
      frameUnmarked.key(70, 0),
    ]);
    expect(await tabMentions(70)).toEqual({ counts: { beijing: 1 }, unmarked: { australia: 5 } });
  });

  it('ignores stored values that are not counts', async () => {
    await fakeBrowser.storage.session.set({
      [frameMentions.key(7, 1)]: 'garbage',
      [frameMentions.key(7, 2)]: { alibaba: -1 },
      [frameUnmarked.key(7, 1)]: ['australia'],
    });
    await saveFrameMentions(7, 0, { alibaba: 2 }, { australia: 1 });
    expect(await tabMentions(7)).toEqual({ counts: { alibaba: 2 }, unmarked: { australia: 1 } });
  });

  it('sends keyboard commands to the top frame, or to the first frame with marked mentions when it has none', async () => {
    expect(await frameForCommands(7)).toBe(0);
    await saveFrameMentions(7, 0, {}, { australia: 8 });
    await saveFrameMentions(7, 2, {}, { australia: 3 });
    await saveFrameMentions(7, 12, { alibaba: 1 });
    await saveFrameMentions(7, 4, { beijing: 2 });
    await saveFrameMentions(70, 1, { beijing: 2 });
    expect(await frameForCommands(7)).toBe(4);
    await saveFrameMentions(7, 0, { xiaomi: 1 });
    expect(await frameForCommands(7)).toBe(0);
  });

  it('reveals an entity in the frame that has it marked, the top frame first', async () => {
    await saveFrameMentions(7, 0, { alibaba: 1 }, { beijing: 4 });
    await saveFrameMentions(7, 5, { beijing: 2, alibaba: 1 });
    await saveFrameMentions(7, 3, { beijing: 1 });
    expect(await frameWithEntity(7, 'alibaba')).toBe(0);
    expect(await frameWithEntity(7, 'beijing')).toBe(3);
    expect(await frameWithEntity(7, 'xiaomi')).toBe(0);
  });
});
