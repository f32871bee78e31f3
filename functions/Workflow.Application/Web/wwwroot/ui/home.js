// The landing page: where each person works. Nobody needs to sign in to read it.
import { h, show, currentLanguage } from './app.js';

const LANGUAGE_KEY = 'permit-language';

async function render() {
  const language = currentLanguage();
  const dictionary = await fetch(`/ui/i18n/${language}.json`).then(r => r.json());
  const text = key => dictionary[key] ?? key;
  document.documentElement.lang = language;
  document.title = text('home.title');
  show(document.body,
    h('header', { class: 'site-header' },
      h('a', { class: 'skip-link', href: '#main' }, text('nav.skip')),
      h('div', { class: 'brand-band' },
        h('a', { class: 'brand', href: '/' }, h('span', { class: 'brand-mark' }, 'Vlaanderen'), h('span', { class: 'brand-sub' }, text('brand.department'))),
        h('div', { class: 'language', role: 'group', 'aria-label': text('language.choose') },
          ['nl', 'en'].map(code => h('button', {
            type: 'button', class: 'link-button', lang: code, 'aria-pressed': code === language ? 'true' : 'false',
            onclick: () => { localStorage.setItem(LANGUAGE_KEY, code); location.reload(); },
          }, code.toUpperCase()))))),
    h('main', { id: 'main', tabindex: '-1' },
      h('h1', {}, text('home.title')),
      h('p', {}, text('home.intro')),
      h('div', { class: 'cards' },
        h('section', { class: 'card' }, h('h2', {}, h('a', { href: '/workbench/' }, text('home.workbench'))), h('p', {}, text('home.workbenchText'))),
        h('section', { class: 'card' }, h('h2', {}, h('a', { href: '/portal/' }, text('home.portal'))), h('p', {}, text('home.portalText'))),
        h('section', { class: 'card' }, h('h2', {}, h('a', { href: '/dashboard/' }, text('home.dashboard'))), h('p', {}, text('home.dashboardText'))))),
    h('footer', { class: 'site-footer' }, text('footer.text')));
}

render();
