import type { Notice } from '../engine/notices';
import type { Words } from '../words/words';
import { byteSize } from './byte-size';

/** A notice of the engine in the reader's words. */
export function noticeText(words: Words, notice: Notice): string {
  const { t } = words;
  switch (notice.code) {
    case 'notTrueOrFalse':
    case 'notASetting':
      return t(`notice.${notice.code}`, { field: notice.field });
    case 'notOneOf':
      return t('notice.notOneOf', { field: notice.field, options: notice.options.join(', ') });
    case 'delayOutOfRange':
      return t('notice.delayOutOfRange', { min: notice.min, max: notice.max });
    case 'storyChoiceInvalid':
    case 'storyEnabledInvalid':
      return t(`notice.${notice.code}`, { story: notice.story });
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
      return t(`notice.${notice.code}`, {
        size: byteSize(words, notice.bytes),
        limit: byteSize(words, notice.limit),
      });
    case 'packsFull':
      return t('notice.packsFull', { count: notice.count });
    default:
      return t(`notice.${notice.code}`);
  }
}
