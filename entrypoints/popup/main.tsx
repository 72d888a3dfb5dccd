import { render } from 'preact';
import { PopupPanel } from '../../components/panel/popup-panel';
import { InReaderLanguage } from '../../components/use-words';
import '../../components/story/entity-story.css';
import '../../components/panel/panel.css';

// The side panel runs this page too, marked as beside the page.
render(
  <InReaderLanguage title={({ t }) => t('title.panel')}>
    <PopupPanel beside={document.body.classList.contains('beside-page')} />
  </InReaderLanguage>,
  document.getElementById('app') as HTMLElement,
);
