import { afterEach, describe, expect, it } from 'vitest';
import { runSteps } from '../../engine/steps';
import { surveyLightDom } from '../../page/read/text-survey';
import { FIRMS_AND_A_CITY, showPage } from './page-fixtures';

const survey = (root: Element = document.body, ownHost: Element | null = null) =>
  runSteps(surveyLightDom(root, FIRMS_AND_A_CITY.fullNameSpotter(), ownHost));

afterEach(() => document.body.replaceChildren());

describe('the survey of a subtree', () => {
  it('finds nothing to walk in text that holds no full name', () => {
    showPage('<p>Markets were calm.</p><ul><li>Nothing here</li></ul>');
    expect(survey()).toEqual([]);
  });

  it('has a subtree walked when its text holds a full name', () => {
    showPage('<p>Markets were calm.</p><p>Then Tencent spoke.</p>');
    expect(survey()).toBeNull();
  });

  it('has it walked when a skipped inline element could split a name the walk reads whole', () => {
    showPage('<p>Ali<span hidden>x</span>baba</p>');
    expect(survey()).toBeNull();
  });

  it('gives the open shadow roots the walk would read, in document order, its own text left out', () => {
    showPage('<x-first></x-first><p>Calm.</p><div id="box"></div><x-closed></x-closed>');
    const first = (document.querySelector('x-first') as Element).attachShadow({ mode: 'open' });
    const box = (document.getElementById('box') as Element).attachShadow({ mode: 'open' });
    (document.querySelector('x-closed') as Element).attachShadow({ mode: 'closed' });
    first.innerHTML = '<p>Alibaba</p>';
    expect(survey()).toEqual([first, box]);
  });

  it('leaves out shadow roots inside our own UI', () => {
    showPage('<context-lens-ui><x-inner></x-inner></context-lens-ui>');
    const ours = document.querySelector('context-lens-ui') as Element;
    (ours.querySelector('x-inner') as Element).attachShadow({ mode: 'open' });
    expect(survey(document.body, ours)).toEqual([]);
  });
});
