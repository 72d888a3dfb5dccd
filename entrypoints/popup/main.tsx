import { render } from 'preact';
import { PopupPanel } from '../../components/popup-panel';
import '../../components/entity-story.css';
import '../../components/panel.css';

// The side panel runs this page too, marked as beside the page.
render(
  <PopupPanel beside={document.body.classList.contains('beside-page')} />,
  document.getElementById('app') as HTMLElement,
);
