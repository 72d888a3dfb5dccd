import { beforeEach, describe, expect, it } from 'vitest';
import type { BlockContainer } from '../../page/read/element-rules';
import { type LaterFormVerdicts, laterFormsToRejudge } from '../../page/read/later-forms';
import type { WorkPlan } from '../../page/read/live-changes';

const WITH_LATER_FORMS: ReadonlySet<string> = new Set(['jack-ma', 'jd-com']);

/** Verdicts as a store would give them: which containers hold which entities' later forms, and where full names stand. */
function verdicts(holding: Map<BlockContainer, string[]>, fullNameBefore: Set<Node>): LaterFormVerdicts {
  return {
    containersToRecheck: (entities) =>
      [...holding].filter(([, ids]) => ids.some((id) => entities.has(id))).map(([container]) => container),
    fullNameUpTo: (node) => fullNameBefore.has(node),
  };
}

const plan = (deep: BlockContainer[], shallow: BlockContainer[] = []): WorkPlan => ({ deep, shallow, sweep: false });
const byId = (id: string) => document.getElementById(id) as HTMLElement;

beforeEach(() => {
  document.body.innerHTML = '<div id="a"><p id="a1">Ma</p></div><div id="b"><p id="b1">JD</p></div><div id="c"></div>';
});

describe('laterFormsToRejudge', () => {
  it('asks for nothing when no full name of an entity with later forms came or went', () => {
    const holding = new Map<BlockContainer, string[]>([[byId('b1'), ['jack-ma']]]);
    const changes = { gained: new Set(['alibaba']), lost: new Set(['hangzhou']) };
    expect(laterFormsToRejudge(changes, plan([byId('a')]), verdicts(holding, new Set()), [], WITH_LATER_FORMS)).toBe(
      null,
    );
  });

  it('reads again, outside the subtree just read, the containers that judged the entity’s later forms', () => {
    const holding = new Map<BlockContainer, string[]>([
      [byId('a1'), ['jack-ma']],
      [byId('b1'), ['jack-ma']],
      [byId('c'), ['jd-com']],
    ]);
    const changes = { gained: new Set(['jack-ma']), lost: new Set<string>() };
    // One subtree was read in document order: what it holds is already judged right.
    expect(laterFormsToRejudge(changes, plan([byId('a')]), verdicts(holding, new Set()), [], WITH_LATER_FORMS)).toEqual(
      plan([], [byId('b1')]),
    );
  });

  it('reads everything affected again after a pass over several places, where order across them is not known', () => {
    const holding = new Map<BlockContainer, string[]>([
      [byId('a1'), ['jack-ma']],
      [byId('b1'), ['jack-ma']],
    ]);
    const changes = { gained: new Set<string>(), lost: new Set(['jack-ma']) };
    const again = laterFormsToRejudge(
      changes,
      plan([byId('a')], [byId('b1')]),
      verdicts(holding, new Set()),
      [],
      WITH_LATER_FORMS,
    );
    expect(again).toEqual(plan([], [byId('a1'), byId('b1')]));
  });

  it('reads an unread subtree that a gained full name now stands before, and only that one', () => {
    const changes = { gained: new Set(['jd-com']), lost: new Set<string>() };
    const unread = [byId('b'), byId('c')];
    const again = laterFormsToRejudge(
      changes,
      plan([byId('a')]),
      verdicts(new Map(), new Set([byId('b')])),
      unread,
      WITH_LATER_FORMS,
    );
    expect(again).toEqual(plan([byId('b')], []));
  });
});
