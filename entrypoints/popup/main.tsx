import { render } from 'preact';
import { App } from '@/components/App';
import '@/components/interlinear.css';

render(<App layout="popup" />, document.getElementById('app')!);
