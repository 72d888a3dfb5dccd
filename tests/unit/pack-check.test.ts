import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUTHORED_PACKS } from '../../data/bundled-packs';
import type { StoryPack } from '../../data/schema';
import { MAX_PACK_BYTES } from '../../engine/packs/pack-limits';
import { type PackProblem, readStoryPackText } from '../../engine/packs/story-pack';
import { packProblemText } from '../../platform/words/notice-text';
import { wordsFor } from '../../platform/words/words';
import { checkPackFile, contextWarnings, rolesSummary, sourceWarningText } from '../../tools/scripts/pack-check';
import { sourceParagraphs } from '../../tools/scripts/source-paragraphs';
import { PACK_SOURCES, PROJECT_ROOT } from '../shared-paths';

const dir = mkdtempSync(join(tmpdir(), 'pack-check-'));
let files = 0;
const fileWith = (text: string) => {
  const path = join(dir, `pack-${++files}.json`);
  writeFileSync(path, text);
  return path;
};
// biome-ignore lint/suspicious/noExplicitAny: the tests below break packs on purpose.
const huawei = () => structuredClone(AUTHORED_PACKS[1]) as unknown as Record<string, any>;
const huaweiSource = sourceParagraphs(PACK_SOURCES['huawei-spying-claims-2013'] as string);
const english = wordsFor('en');
const lines = ({ problems }: { problems: PackProblem[] }) =>
  problems.map((problem) => packProblemText(english, problem));

describe('pack:check', () => {
  it.each(AUTHORED_PACKS.map((pack) => [pack.id]))(
    'passes the bundled pack %s against its article, with no dropped hedge or past told as present',
    (id) => {
      const { problems, warnings } = checkPackFile(
        join(PROJECT_ROOT, `data/packs/${id}.json`),
        sourceParagraphs(PACK_SOURCES[id] as string),
      );
      expect(problems).toEqual([]);
      expect(warnings.map(sourceWarningText)).toEqual([]);
    },
  );

  it('warns of a dropped hedge and of a past told as present, and still passes the pack', () => {
    const pack = huawei();
    pack.relationTypes.find((type: { id: string }) => type.id === 'disputed-with').forward = 'In dispute with';
    const at = pack.relations.findIndex((relation: { type: string }) => relation.type === 'disputed-with');
    // biome-ignore lint/suspicious/noExplicitAny: the test changes one sentence of the pack.
    const china = structuredClone(AUTHORED_PACKS[0]) as unknown as Record<string, any>;
    const reversal = china.facts.findIndex((fact: { id: string }) => fact.id === 'policy-reversal');
    china.facts[reversal].text = 'Beijing has begun to roll back major policies of the pandemic years.';
    const chinaCheck = checkPackFile(
      fileWith(JSON.stringify(china)),
      sourceParagraphs(PACK_SOURCES['china-tech-reset'] as string),
    );
    expect(chinaCheck.problems).toEqual([]);
    expect(chinaCheck.warnings.map(sourceWarningText)).toEqual([
      `warning: $.facts[${reversal}]: “Beijing has begun to roll back major policies of the pandemic years.” drops ` +
        'the hedge “some” of paragraph “P7”, which it cites; hedge it as the paragraph does',
    ]);
    const huaweiCheck = checkPackFile(fileWith(JSON.stringify(pack)), huaweiSource);
    expect(huaweiCheck.problems).toEqual([]);
    expect(huaweiCheck.warnings.map(sourceWarningText)).toEqual([
      `warning: $.relations[${at}]: “Motorola Solutions in dispute with Huawei” tells in the present what ` +
        'paragraph “P6”, which it cites, puts in the past (“had previously”)',
    ]);
  });

  it('reports a file that is not JSON, or too large, before reading it as a pack', () => {
    expect(lines(checkPackFile(fileWith('{"id": ')))).toEqual([expect.stringMatching(/^The file is not valid JSON: /)]);
    expect(lines(checkPackFile(fileWith(' '.repeat(MAX_PACK_BYTES + 1))))).toEqual([
      'The file is 1 MB; a story pack may be at most 1 MB.',
    ]);
    expect(lines(checkPackFile(join(dir, 'missing.json')))).toEqual([expect.stringMatching(/^cannot be read: /)]);
  });

  it('finds a copied sentence, a paragraph placed outside the article, and a citation of the wrong paragraph', () => {
    const pack = huawei();
    pack.facts[0].text = huaweiSource[8]; // the article's ¶3, word for word
    pack.source.paragraphs[10].position = 99;
    pack.facts[1].paragraph = 'P9';
    delete pack.source.paragraphs[0].position;
    expect(lines(checkPackFile(fileWith(JSON.stringify(pack)), huaweiSource))).toEqual([
      '$.source.paragraphs[0].position: is missing: the paragraph cannot be found in the source without it',
      `$.source.paragraphs[10].position: is 99, but the source has ${huaweiSource.length} paragraphs`,
      expect.stringMatching(/^\$\.facts\[0\]\.text: copies 8 words in a row from the source: “i think that goes/),
      expect.stringMatching(/^\$\.facts\[1\]: shares \d+% of its words with paragraph “P9”, which it cites/),
    ]);
  });

  it('leaves the quoted source title alone, and checks a pack in another language for copies only', () => {
    const pack = huawei();
    pack.language = 'de';
    pack.facts[1].paragraph = 'P9';
    expect(checkPackFile(fileWith(JSON.stringify(pack)), huaweiSource).problems).toEqual([]);
  });

  it('sums up a good pack by its own actors and its common names, naming the common ones', () => {
    const pack = huawei();
    // Left out, each entity's kind decides.
    for (const entity of pack.entities) delete entity.identifiesStory;
    const { problems, pack: read } = checkPackFile(fileWith(JSON.stringify(pack)));
    expect(problems).toEqual([]);
    expect(rolesSummary(read as StoryPack)).toEqual([
      '7 entities identify the story; 7 are common names, highlighted only where one of its own actors is shown: ' +
        'Central Intelligence Agency, National Security Agency, House Intelligence Committee, People’s Liberation Army, ' +
        'Chinese government, Australia, Britain',
    ]);
    pack.entities = pack.entities.slice(0, 2);
    pack.entities[1].identifiesStory = false;
    expect(rolesSummary(pack as StoryPack)).toEqual([
      '1 entity identifies the story; 1 is a common name, highlighted only where one of its own actors is shown: ZTE',
    ]);
    pack.entities[1].identifiesStory = true;
    expect(rolesSummary(pack as StoryPack)).toEqual(['2 entities identify the story; none is a common name']);
  });

  it('warns of a short acronym with no words to tell its other senses apart, and of none in the bundled packs', () => {
    for (const pack of AUTHORED_PACKS) expect(contextWarnings(pack)).toEqual([]);
    const pack = huawei();
    delete pack.entities[4].notNear;
    pack.entities[4].names.push('CIAO', 'CI');
    expect(checkPackFile(fileWith(JSON.stringify(pack))).problems).toEqual([]);
    expect(contextWarnings(pack as StoryPack)).toEqual([
      'warning: $.entities[4].names[1]: “CIA” is a short acronym with no "notNear" words, so it is marked wherever it ' +
        'stands for something else; list words of the other senses’ fields (as "click" for CPC, cost per click)',
      'warning: $.entities[4].names[6]: “CI” is a short acronym with no "notNear" words, so it is marked wherever it ' +
        'stands for something else; list words of the other senses’ fields (as "click" for CPC, cost per click)',
    ]);
  });

  it('refuses notBefore and notNear that are not lists of names, with their paths', () => {
    const pack = huawei();
    pack.entities[0].notBefore = 'Games';
    pack.entities[4].notNear = ['click', ' spaced '];
    expect(lines(checkPackFile(fileWith(JSON.stringify(pack))))).toEqual([
      '$.entities[0].notBefore: must be a list of names',
      '$.entities[4].notNear[1]: has spaces around it',
    ]);
  });

  it('refuses a short form that is not its phrase with one or two chars in brackets, with its path', () => {
    const pack = huawei();
    pack.entities[10].shortForms = ['[英]媒', '英', '[英国]', '[英国政府]媒'];
    expect(lines(checkPackFile(fileWith(JSON.stringify(pack))))).toEqual([
      '$.entities[10].shortForms[1]: “英” should be its phrase with the short form in square brackets, as 在[京]',
      '$.entities[10].shortForms[2]: “[英国]” should be its phrase with the short form in square brackets, as 在[京]',
      '$.entities[10].shortForms[3]: “[英国政府]媒” should be its phrase with the short form in square brackets, as 在[京]',
    ]);
  });

  it('accepts a pack in which no entity identifies the story, and warns of it', () => {
    const pack = huawei();
    for (const entity of pack.entities) entity.identifiesStory = false;
    const { problems, pack: read } = checkPackFile(fileWith(JSON.stringify(pack)), huaweiSource);
    expect(problems).toEqual([]);
    expect(rolesSummary(read as StoryPack)).toEqual([
      expect.stringMatching(/^0 entities identify the story; 14 are common names, /),
      'warning: no entity identifies the story, so its names are highlighted only where a reader asks for its ' +
        'common names; set "identifiesStory": true on the story’s own actors',
    ]);
  });

  it('refuses an entity whose identifiesStory is not true or false, with its path', () => {
    const pack = huawei();
    pack.entities[2].identifiesStory = 'yes';
    pack.entities[5].identifiesStory = null;
    expect(lines(checkPackFile(fileWith(JSON.stringify(pack))))).toEqual([
      '$.entities[2].identifiesStory: “identifiesStory” was not true or false.',
      '$.entities[5].identifiesStory: “identifiesStory” was not true or false.',
    ]);
  });

  it('never throws on garbage, and places every problem it finds', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ ...huawei(), entities: v })),
        ),
        (text) => {
          const reading = readStoryPackText(text);
          if (!reading.ok) for (const problem of reading.problems) expect(problem.path).toMatch(/^\$/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('runs from the command line: lists problems by file and path, and exits 1 on any', () => {
    const broken = huawei();
    broken.entities[0].kind = 'planet';
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'tools/scripts/pack-check.ts', ...args], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
      });
    const good = run(
      'data/packs/huawei-spying-claims-2013.json',
      '--source',
      PACK_SOURCES['huawei-spying-claims-2013'] as string,
    );
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('data/packs/huawei-spying-claims-2013.json: ok, checked against');
    expect(good.stdout).not.toContain('warning:');
    expect(good.stdout).toContain(
      'data/packs/huawei-spying-claims-2013.json: 5 entities identify the story; 9 are common names, highlighted only where',
    );
    const path = fileWith(JSON.stringify(broken));
    const bad = run('data/packs/china-tech-reset.json', path);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('data/packs/china-tech-reset.json: ok');
    expect(bad.stdout).toContain(
      `${path}: $.entities[0].kind: must be one of firm, city, country, official, person, institution`,
    );
    expect(run().status).toBe(2);
  }, 30_000);
});
