import { useWords } from '../use-words';

/** Says, as an alert, that the reader's last change was not kept and why; nothing when it was. */
export function SaveFailure({ reason }: { reason: string | null }) {
  const { t } = useWords();
  if (reason === null) return null;
  return (
    <p class="field-error save-failure" role="alert">
      {t('panel.saveFailed', { reason })}
    </p>
  );
}
