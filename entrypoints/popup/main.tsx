import { render } from 'preact';
import { PopupPanel } from '../../components/popup-panel';
import { InReaderLanguage } from '../../components/use-words';
import '../../components/entity-story.css';
import '../../components/panel.css';

// The side panel runs this page too, marked as beside the page.
render(
  <InReaderLanguage title={({ t }) => t('title.panel')}>
    <PopupPanel beside={document.body.classList.contains('beside-page')} />
  </InReaderLanguage>,
  document.getElementById('app') as HTMLElement,
);
