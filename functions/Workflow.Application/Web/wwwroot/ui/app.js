// Shared by every page: the language (Dutch first, English available), signing in, calling this host's API, and
// building the page safely (text is always set as text, never parsed as HTML). No framework, no build step.

const LANGUAGES = ['nl', 'en'];
const LANGUAGE_KEY = 'permit-language';
const TOKEN_KEY = 'permit-token';

let dictionary = {};
let language = LANGUAGES.includes(localStorage.getItem(LANGUAGE_KEY)) ? localStorage.getItem(LANGUAGE_KEY) : 'nl';
let config = { signIn: 'token' };

/** The current language: "nl" or "en". */
export function currentLanguage() {
  return language;
}

/** The text of a key in the current language, with {placeholders} filled in; the key itself when it has no text. */
export function t(key, values = {}) {
  const text = dictionary[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** The label of a code of the API (a stage, an SLA state, a ground...), or the code itself when it has none. */
export function label(kind, code) {
  if (code === null || code === undefined || code === '') {
    return '–';
  }
  const key = `${kind}.${code}`;
  return key in dictionary ? dictionary[key] : String(code);
}

/** Builds an element: h('a', { href: '#/x', class: 'link' }, 'text', child). Strings become text nodes. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the content of an element. */
export function show(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** An error answer of the API (problem+json), kept whole so the page can show its own words. */
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem && typeof problem === 'object' ? problem : { title: String(problem ?? '') };
    this.retryAfter = retryAfter;
  }
}

/** Calls the API with the signed-in person's credentials; resolves to { status, data, headers } or throws an ApiError. */
export async function api(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json' };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  const init = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const type = response.headers.get('content-type') ?? '';
  const data = response.status === 204 ? null
    : type.includes('json') ? await response.json()
    : type.startsWith('text/') ? await response.text()
    : await response.blob();
  if (!response.ok) {
    throw new ApiError(response.status, data, response.headers.get('retry-after'));
  }
  return { status: response.status, data, headers: response.headers };
}

/**
 * Downloads a file the API serves (a letter): fetched with the person's credentials like every call, then handed to
 * the browser as a download under the name the API gives it (Content-Disposition).
 */
export async function download(path) {
  const { data, headers } = await api('GET', path);
  const type = headers.get('content-type') ?? 'application/octet-stream';
  const blob = data instanceof Blob ? data : new Blob([data], { type });
  const disposition = headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = encoded ? decodeURIComponent(encoded[1]) : plain ? plain[1] : 'download';
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

/** A fresh id for a command: kept by the form until the API accepted it, so a retry repeats instead of duplicating. */
export function newId(prefix) {
  const random = crypto.getRandomValues(new Uint8Array(6));
  return `${prefix}-${Array.from(random, b => b.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

/** A box that shows an API error in the person's words: the API's own title, detail and each field's message. */
export function problemBox(error) {
  if (!(error instanceof ApiError)) {
    return h('div', { class: 'notice notice-error', role: 'alert' }, t('error.network'));
  }
  const problem = error.problem;
  const fields = Object.entries(problem.errors ?? {});
  return h('div', { class: 'notice notice-error', role: 'alert' },
    h('p', { class: 'notice-title' }, t(`status.${error.status}`) !== `status.${error.status}` ? t(`status.${error.status}`) : problem.title ?? `HTTP ${error.status}`),
    problem.detail ? h('p', {}, problem.detail) : null,
    fields.length > 0
      ? h('ul', {}, fields.map(([field, messages]) => h('li', {}, h('strong', {}, fieldLabel(field)), ': ', [].concat(messages).join('; '))))
      : null,
    error.retryAfter ? h('p', {}, t('error.retryAfter', { seconds: error.retryAfter })) : null);
}

function fieldLabel(field) {
  const key = `field.${field.replace(/\[\d+\]/g, '[]')}`;
  return key in dictionary ? dictionary[key] : field;
}

/** A short notice (success or information), announced to screen readers. */
export function notice(kind, text) {
  return h('div', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

const dateFormats = {};

function format(options) {
  const key = `${language}:${JSON.stringify(options)}`;
  dateFormats[key] ??= new Intl.DateTimeFormat(language === 'nl' ? 'nl-BE' : 'en-GB', { timeZone: 'Europe/Brussels', ...options });
  return dateFormats[key];
}

/** A date (Brussels time) in the person's language. */
export function formatDate(value) {
  return value ? format({ dateStyle: 'medium' }).format(new Date(value)) : '–';
}

/** A date and time (Brussels time) in the person's language. */
export function formatDateTime(value) {
  return value ? format({ dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)) : '–';
}

/** An amount of money in the person's language. */
export function formatMoney(amount, currency) {
  if (amount === null || amount === undefined) {
    return '–';
  }
  return new Intl.NumberFormat(language === 'nl' ? 'nl-BE' : 'en-GB', { style: 'currency', currency: currency ?? 'EUR' }).format(amount);
}

/** A number of days with one decimal at most, in the person's language. */
export function formatDays(days) {
  if (days === null || days === undefined) {
    return '–';
  }
  const number = new Intl.NumberFormat(language === 'nl' ? 'nl-BE' : 'en-GB', { maximumFractionDigits: 1 }).format(days);
  return t('unit.days', { days: number });
}

async function loadDictionary(section) {
  const files = [`/ui/i18n/${language}.json`, `/${section}/i18n/${language}.json`];
  const parts = await Promise.all(files.map(async file => {
    const response = await fetch(file, { credentials: 'same-origin' });
    return response.ok ? response.json() : {};
  }));
  dictionary = Object.assign({}, ...parts);
}

/** Fills the elements marked data-i18n (text) and data-i18n-attr ("attribute:key;...") with the current language. */
export function translate(root = document) {
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of element.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split(':');
      element.setAttribute(attribute, t(key));
    }
  }
}

/** Who is signed in: { subject, name, roles, applicants }, or null. */
async function whoAmI() {
  if (config.signIn === 'token' && !sessionStorage.getItem(TOKEN_KEY)) {
    return null; // nobody signed in on this tab yet: no need to ask the API
  }
  try {
    return (await api('GET', '/api/me')).data;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      return null;
    }
    throw error;
  }
}

function header(section, me, onLanguage) {
  const switcher = h('div', { class: 'language', role: 'group', 'aria-label': t('language.choose') },
    LANGUAGES.map(code => h('button', {
      type: 'button',
      class: 'link-button',
      lang: code,
      'aria-pressed': code === language ? 'true' : 'false',
      onclick: () => onLanguage(code),
    }, code.toUpperCase())));
  const who = me
    ? h('div', { class: 'who' },
      h('span', {}, me.name ?? me.subject),
      h('span', { class: 'muted' }, ` (${me.roles.map(r => label('role', r)).join(', ')})`),
      h('button', { type: 'button', class: 'link-button', onclick: signOut }, t('signIn.signOut')))
    : null;
  return h('header', { class: 'site-header' },
    h('a', { class: 'skip-link', href: '#main' }, t('nav.skip')),
    h('div', { class: 'brand-band' },
      h('a', { class: 'brand', href: '/' }, h('span', { class: 'brand-mark' }, 'Vlaanderen'), h('span', { class: 'brand-sub' }, t('brand.department'))),
      switcher),
    h('div', { class: 'title-band' },
      h('p', { class: 'service-title' }, t(`${section}.title`)),
      who));
}

function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  if (config.signIn === 'app-service') {
    location.assign('/.auth/logout?post_logout_redirect_uri=/');
  } else {
    location.reload();
  }
}

function signInForm(section, roles, main, retry) {
  if (config.signIn === 'app-service') {
    location.assign(`/.auth/login/aad?post_login_redirect_uri=${encodeURIComponent(location.pathname + location.hash)}`);
    return;
  }
  const message = h('div', { 'aria-live': 'polite' });
  const field = h('textarea', { id: 'token', name: 'token', rows: '4', required: true, autocomplete: 'off', spellcheck: 'false' });
  const form = h('form', { class: 'panel sign-in', onsubmit: async event => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, field.value.trim());
    const me = await whoAmI();
    if (!me) {
      sessionStorage.removeItem(TOKEN_KEY);
      show(message, notice('error', t('signIn.refused')));
      return;
    }
    retry();
  } },
  h('h1', {}, t('signIn.title')),
  h('p', {}, t('signIn.explain', { roles: roles.map(r => label('role', r)).join(' / ') })),
  h('p', {}, h('code', {}, `./scripts/dev-token.sh ${roles[0]}${roles[0] === 'employer' ? ' 0412345614' : ''}`)),
  h('label', { for: 'token' }, t('signIn.token')),
  field,
  message,
  h('button', { type: 'submit', class: 'button' }, t('signIn.submit')));
  show(main, form);
}

/**
 * Starts a page: loads the language, checks who is signed in (asks for a token locally, or goes through App Service
 * authentication in Azure), draws the header and calls render(main, me) with the person. Roles: those the page is for.
 */
export async function start(section, roles, render) {
  config = await fetch('/ui/config.json', { credentials: 'same-origin' }).then(r => (r.ok ? r.json() : config)).catch(() => config);
  const body = document.body;
  const run = async () => {
    await loadDictionary(section);
    document.documentElement.lang = language;
    document.title = t(`${section}.title`);
    const me = await whoAmI();
    const main = h('main', { id: 'main', tabindex: '-1' });
    show(body, header(section, me, async code => {
      language = code;
      localStorage.setItem(LANGUAGE_KEY, code);
      await run();
    }), main, h('footer', { class: 'site-footer' }, t('footer.text')));
    if (!me) {
      signInForm(section, roles, main, run);
      return;
    }
    if (!me.roles.some(role => roles.includes(role))) {
      show(main, h('h1', {}, t('signIn.wrongRoleTitle')), notice('error', t('signIn.wrongRole', { roles: roles.map(r => label('role', r)).join(' / ') })));
      return;
    }
    await render(main, me);
  };
  await run();
}

/** A tiny router on the address's fragment: routes are [pattern, handler] with ":name" parts; calls again on change. */
export function route(routes, fallback) {
  const dispatch = () => {
    const path = location.hash.replace(/^#/, '') || '/';
    for (const [pattern, handler] of routes) {
      const names = [];
      const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, name) => { names.push(name); return '([^/]+)'; })}$`);
      const match = path.match(regex);
      if (match) {
        handler(Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])])));
        return;
      }
    }
    fallback();
  };
  window.onhashchange = dispatch;
  dispatch();
}

/** A table with a caption and column headers; rows are arrays of cells (strings or nodes). */
export function table(caption, columns, rows, empty) {
  if (rows.length === 0) {
    return h('p', { class: 'muted' }, empty ?? t('table.empty'));
  }
  return h('table', { class: 'data' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map(row => h('tr', {}, row.map(cell => h('td', {}, cell))))));
}

/** A definition list of label → value pairs (value null shows "–"). */
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value ?? '–')]));
}

/** A badge for a state code (an SLA state, a stage, a fate), coloured by its kind. */
export function badge(kind, code) {
  return h('span', { class: `badge badge-${kind}-${code}` }, label(kind, code));
}
