// The worklist: open decisions, nearest due date first, in three views (mine, unassigned, everyone's), a page at a
// time; each row claims or releases its application.
import { api, h, show, t, label, badge, table, notice, problemBox, formatDate, formatDateTime } from '/ui/app.js';
import { newScreen, segment, person, daysLeft } from './common.js';

export const VIEWS = ['mine', 'unassigned', 'all'];
const PAGE_SIZE = 25;

function tabs(current) {
  return h('nav', { class: 'tabs', 'aria-label': t('worklist.views') },
    VIEWS.map(view => h('a', { href: `#/worklist/${view}`, 'aria-current': view === current ? 'page' : null }, t(`worklist.view.${view}`))));
}

/** Claim or release, as the row allows: one's own to release, an unassigned one to claim, a manager releases anyone's. */
function rowAction(item, me, act) {
  const mineNow = item.assignee?.subject === me.subject;
  const hidden = h('span', { class: 'visually-hidden' }, ` ${item.applicationId}`);
  if (!item.assignee) {
    return h('button', { type: 'button', class: 'button button-small', onclick: () => act('claim', item) }, t('assignment.claim'), hidden);
  }
  if (mineNow || me.roles.includes('manager')) {
    return h('button', { type: 'button', class: 'button button-secondary button-small', onclick: () => act('release', item) }, t('assignment.release'), hidden);
  }
  return h('span', { class: 'muted' }, t('worklist.heldByOther'));
}

function rows(items, me, act) {
  return items.map(item => [
    h('a', { href: `#/applications/${segment(item.applicationId)}` }, item.applicationId),
    label('category', item.category),
    item.stage ? badge('stage', item.stage) : '–',
    h('span', { class: 'sla-cell' }, badge('sla', item.slaState), ' ', h('span', {}, daysLeft(item.daysLeft))),
    formatDate(item.dueAt),
    item.assignee
      ? h('span', {}, person(item.assignee), item.assignedSince ? h('span', { class: 'muted' }, ` ${t('worklist.since', { date: formatDateTime(item.assignedSince) })}`) : null)
      : h('span', { class: 'muted' }, t('assignment.nobody')),
    rowAction(item, me, act),
  ]);
}

export async function renderWorklist(main, me, requested) {
  const stillShown = newScreen();
  const view = VIEWS.includes(requested) ? requested : 'mine';
  const status = h('div', { 'aria-live': 'polite' });
  const list = h('div', {}, h('p', { class: 'muted' }, t('common.loading')));
  const more = h('div', { class: 'actions' });
  show(main,
    h('h1', {}, t('workbench.worklist')),
    h('p', { class: 'muted' }, t('worklist.intro')),
    tabs(view),
    status,
    list,
    more);

  let items = [];
  let continuation = null;

  const draw = () => {
    show(list, table(
      t(`worklist.caption.${view}`),
      [t('worklist.application'), t('worklist.category'), t('worklist.stage'), t('worklist.sla'), t('worklist.due'), t('worklist.assignee'), t('worklist.actions')],
      rows(items, me, act),
      t(`worklist.empty.${view}`)));
    show(more, continuation
      ? h('button', { type: 'button', class: 'button button-secondary', onclick: () => load(continuation) }, t('worklist.more'))
      : null);
  };

  const load = async from => {
    const query = new URLSearchParams({ view, pageSize: String(PAGE_SIZE) });
    if (from) {
      query.set('continuation', from);
    }
    try {
      const page = (await api('GET', `/api/worklist?${query}`)).data;
      if (!stillShown()) {
        return;
      }
      // A file whose due date moved while the pages were read comes again further on: its later place is its current one.
      const fresh = new Set(page.items.map(item => item.applicationId));
      items = from ? items.filter(item => !fresh.has(item.applicationId)).concat(page.items) : page.items;
      continuation = page.continuation ?? null;
      draw();
    } catch (error) {
      if (stillShown()) {
        show(list, problemBox(error));
      }
    }
  };

  async function act(action, item) {
    try {
      const { data } = await api('POST', `/api/applications/${segment(item.applicationId)}/assignment/${action}`, {});
      if (!stillShown()) {
        return;
      }
      const key = action === 'claim'
        ? (data.repeated ? 'assignment.claimedAlready' : 'assignment.claimed')
        : (data.repeated ? 'assignment.releasedAlready' : 'assignment.released');
      show(status, notice('success', t(key, { id: item.applicationId })));
      await load(null);
    } catch (error) {
      if (stillShown()) {
        show(status, problemBox(error));
      }
    }
  }

  await load(null);
}
