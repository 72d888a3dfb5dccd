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

const { frameMentions } = SESSION_KEYS;

describe('mention counts per tab', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('adds up the frames of a tab', async () => {
    await saveFrameMentions(7, 0, { alibaba: 2, beijing: 1 });
    await saveFrameMentions(7, 3, { alibaba: 1, 'jack-ma': 4 });
    await saveFrameMentions(8, 0, { tianjin: 9 });
    expect(await tabMentions(7)).toEqual({ alibaba: 3, beijing: 1, 'jack-ma': 4 });
  });

  it('replaces a frame’s earlier report', async () => {
    await saveFrameMentions(7, 0, { alibaba: 2 });
    await saveFrameMentions(7, 0, { beijing: 1 });
    expect(await tabMentions(7)).toEqual({ beijing: 1 });
  });

  it('forgets one tab and keeps the others', async () => {
    await saveFrameMentions(7, 0, { alibaba: 2 });
    await saveFrameMentions(70, 0, { beijing: 1 });
    await forgetTab(7);
    expect(await tabMentions(7)).toEqual({});
    expect(await tabMentions(70)).toEqual({ beijing: 1 });
  });

  it('ignores stored values that are not counts', async () => {
    await fakeBrowser.storage.session.set({
      [frameMentions.key(7, 1)]: 'garbage',
      [frameMentions.key(7, 2)]: { alibaba: -1 },
    });
    await saveFrameMentions(7, 0, { alibaba: 2 });
    expect(await tabMentions(7)).toEqual({ alibaba: 2 });
  });

  it('sends keyboard commands to the top frame, or to the first frame with mentions when it has none', async () => {
    expect(await frameForCommands(7)).toBe(0);
    await saveFrameMentions(7, 0, {});
    await saveFrameMentions(7, 12, { alibaba: 1 });
    await saveFrameMentions(7, 4, { beijing: 2 });
    await saveFrameMentions(70, 1, { beijing: 2 });
    expect(await frameForCommands(7)).toBe(4);
    await saveFrameMentions(7, 0, { xiaomi: 1 });
    expect(await frameForCommands(7)).toBe(0);
  });

  it('reveals an entity in the frame that has it, the top frame first', async () => {
    await saveFrameMentions(7, 0, { alibaba: 1 });
    await saveFrameMentions(7, 5, { beijing: 2, alibaba: 1 });
    await saveFrameMentions(7, 3, { beijing: 1 });
    expect(await frameWithEntity(7, 'alibaba')).toBe(0);
    expect(await frameWithEntity(7, 'beijing')).toBe(3);
    expect(await frameWithEntity(7, 'xiaomi')).toBe(0);
  });
});
