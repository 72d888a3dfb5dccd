import type { Notice } from '../../engine/notices';
import type { PackProblem } from '../../engine/packs/story-pack';
import { byteSize } from './byte-size';
import type { Words } from './words';

/** A notice of the engine in the reader's words. */
export function noticeText(words: Words, notice: Notice): string {
  const { t } = words;
  const list = (items: readonly string[]) => items.join(t('story.listJoin'));
  switch (notice.code) {
    case 'notTrueOrFalse':
    case 'notASetting':
      return t(`notice.${notice.code}`, { field: notice.field });
    case 'notOneOf':
      return t('notice.notOneOf', { field: notice.field, options: list(notice.options) });
    case 'delayOutOfRange':
      return t('notice.delayOutOfRange', { min: notice.min, max: notice.max });
    case 'storyChoiceInvalid':
    case 'storyEnabledInvalid':
      return t(`notice.${notice.code}`, { story: notice.story });
    case 'storyPublicInvalid':
      return t('notice.storyPublicInvalid', { story: notice.story });
    case 'storyColourInvalid':
      return t('notice.storyColourInvalid', { story: notice.story, contrast: notice.contrast });
    case 'sitesDropped':
    case 'siteChunksMissing':
      return t(`notice.${notice.code}`, notice.count);
    case 'settingsUnreadable':
      return t('notice.settingsUnreadable', { error: notice.error });
    case 'settingsNewer':
      return t('notice.settingsNewer', { version: notice.version });
    case 'siteNotAName':
      return t('notice.siteNotAName', { input: notice.input });
    case 'packTooLarge':
    case 'packsTooLarge':
      return t(`notice.${notice.code}`, { size: byteSize(words, notice.bytes), limit: byteSize(words, notice.limit) });
    case 'packsFull':
      return t('notice.packsFull', { count: notice.count });
    case 'packNotJson':
    case 'fileUnreadable':
      return t(`notice.${notice.code}`, { error: notice.error });
    case 'packSchemaNewer':
      return t('notice.packSchemaNewer', { version: notice.version, newest: notice.newest });
    case 'notAField':
      return t('notice.notAField', { part: t(`part.${notice.part}`) });
    case 'notAnIdList':
    case 'notATextMap':
    case 'notTranslatable':
      return t(`notice.${notice.code}`, { part: t(`partNoun.${notice.part}`) });
    case 'unknownId':
      return t('notice.unknownId', { part: t(`partNoun.${notice.part}`), id: notice.id });
    case 'textLength':
    case 'nameLength':
      return t(`notice.${notice.code}`, { max: notice.max });
    case 'schemaVersion':
      return t('notice.schemaVersion', { version: notice.version });
    case 'badKind':
      return t('notice.badKind', { kinds: list(notice.kinds) });
    case 'tooManyItems':
    case 'tooManyNames':
    case 'tooManyNamesInPack':
      return t(`notice.${notice.code}`, { count: notice.count, max: notice.max });
    case 'tooFewItems':
      return t('notice.tooFewItems', notice.min);
    case 'sentenceCount':
      return t('notice.sentenceCount', notice.count);
    case 'usedTwice':
    case 'unknownPhase':
    case 'unknownEntity':
    case 'unknownFact':
    case 'unknownRelationType':
    case 'noFact':
    case 'phaseTwiceInArc':
      return t(`notice.${notice.code}`, { id: notice.id });
    case 'unknownParagraph':
      return t('notice.unknownParagraph', { paragraph: notice.paragraph });
    case 'missingDisplayName':
    case 'notOwnName':
    case 'nameTooShort':
    case 'nameIsCommonWord':
      return t(`notice.${notice.code}`, { name: notice.name });
    case 'nameClaimed':
      return t('notice.nameClaimed', { name: notice.name, owner: notice.owner });
    case 'badShortForm':
      return t('notice.badShortForm', { form: notice.form });
    case 'positionBeyond':
      return t('notice.positionBeyond', { position: notice.position, paragraphs: notice.paragraphs });
    case 'copiesSource':
      return t('notice.copiesSource', { words: notice.words, copied: notice.copied });
    case 'weakSupport':
      return t('notice.weakSupport', { share: notice.share, paragraph: notice.paragraph, needed: notice.needed });
    default:
      return t(`notice.${notice.code}`);
  }
}

/** A problem of a pack in the reader's words, with its place ("$.entities[1].kind: must be one of …"). */
export function packProblemText(words: Words, { path, notice, migratedFrom }: PackProblem): string {
  const said = noticeText(words, notice);
  const note = migratedFrom === undefined ? '' : words.t('notice.migratedNote', { version: migratedFrom });
  return `${path === '$' ? '' : `${path}: `}${said}${note}`;
}
