import { render } from 'preact';
import { PopupPanel } from '../../components/popup-panel';
import { BUNDLED_PACK } from '../../data/bundled-pack';
import '../../components/entity-story.css';
import '../../components/panel.css';

render(<PopupPanel pack={BUNDLED_PACK} />, document.getElementById('app') as HTMLElement);
