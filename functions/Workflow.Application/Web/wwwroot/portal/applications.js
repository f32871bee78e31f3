// "My applications": the applicant's own applications, newest first, a page at a time (GET /api/applications).
import { h, show, t, api, problemBox, table, badge, label, formatDate } from '/ui/app.js';
import { awaitedText } from './labels.js';

const PAGE_SIZE = 20;

export async function renderApplications(content, { applicant }) {
  const rows = [];
  const body = h('div', { 'aria-busy': 'true' }, h('p', {}, t('common.loading')));
  const more = h('div', { class: 'actions' });
  show(content,
    h('h1', {}, t('portal.applications')),
    h('p', {}, t('applications.intro')),
    h('div', { class: 'actions' }, h('a', { class: 'button', href: '#/new' }, t('portal.newApplication'))),
    body,
    more);

  const load = async continuation => {
    const query = new URLSearchParams({ pageSize: String(PAGE_SIZE), applicant });
    if (continuation) query.set('continuation', continuation);
    try {
      const { data } = await api('GET', `/api/applications?${query}`);
      rows.push(...data.items.map(row));
      show(body, table(t('applications.caption'), [
        t('applications.application'), t('applications.submitted'), t('applications.stage'), t('applications.awaiting'), t('applications.due'), t('applications.outcome'),
      ], rows, t('applications.empty')));
      body.removeAttribute('aria-busy');
      show(more, data.continuation
        ? h('button', { type: 'button', class: 'button button-secondary', onclick: () => load(data.continuation) }, t('applications.more'))
        : null);
    } catch (error) {
      body.removeAttribute('aria-busy');
      show(body, problemBox(error));
    }
  };
  await load(null);
}

function row(item) {
  return [
    h('span', {},
      h('a', { href: `#/applications/${encodeURIComponent(item.applicationId)}` }, label('category', item.category)),
      h('br'),
      h('span', { class: 'muted small' }, t('applications.reference', { reference: item.submissionId }))),
    formatDate(item.submittedAt),
    badge('stage', item.stage),
    item.awaiting.length === 0
      ? h('span', { class: 'muted' }, t('applications.nothingAwaited'))
      : h('ul', { class: 'plain' }, item.awaiting.map(a => h('li', {}, awaitedText(a)))),
    h('span', {}, formatDate(item.dueAt), ' ', badge('sla', item.slaState)),
    item.outcome ? badge('outcome', item.outcome) : '–',
  ];
}
