import { render } from 'preact';
import { PopupPanel } from '../../components/popup-panel';
import '../../components/entity-story.css';
import '../../components/panel.css';

render(<PopupPanel />, document.getElementById('app') as HTMLElement);
