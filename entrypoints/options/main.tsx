import { render } from 'preact';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { App } from './App';
import '@/components/shared/theme.css';
import './style.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = i18n.t('settings.title');
render(<App />, document.getElementById('app')!);
