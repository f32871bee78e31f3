// An application's page, as its applicant sees it (GET /api/applications/{id}): where it stands, what is awaited and
// by when, the fee, the SLA dates and pauses, the timeline, and once closed the decision and its letter. Actions:
// supply documents, pay the fee at the provider's checkout, withdraw; every command's fate is shown. The page looks
// again every few seconds while the file is open, and more often while a payment waits for the provider's word.
import { h, show, t, api, download, problemBox, notice, badge, label, facts, table, formatDate, formatDateTime, formatMoney, formatDays, ApiError } from '/ui/app.js';
import { awaitedText, eventDetails } from './labels.js';
import { takeFlash } from './flash.js';
import { uploadSection, paySection, withdrawSection, pendingPayment, clearPayment } from './actions.js';

const REFRESH_MS = 5000;
const REFRESH_FOR_MS = 10 * 60 * 1000;
const PAYMENT_POLL_MS = 3000;
const PAYMENT_POLLS = 40;

export async function renderApplication(content, { params }) {
  const id = params.id;
  const path = `/api/applications/${encodeURIComponent(id)}`;
  const notices = h('div', { class: 'notices' });
  const paymentNotice = h('div', {});
  const status = h('div', {});
  const actions = h('div', {});
  const decision = h('div', {});
  const timeline = h('div', {});
  let view = null;
  let actionsKey = null;
  let stopped = false;
  let refreshTimer = null;
  let paymentTimer = null;
  let paymentPolls = 0;
  const startedAt = Date.now();

  const load = async () => (await api('GET', path)).data;

  try {
    view = await load();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      show(content, h('h1', {}, t('application.notFoundTitle')), notice('error', t('application.notFound')),
        h('p', {}, h('a', { href: '#/' }, t('application.backToList'))));
    } else {
      show(content, h('h1', {}, t('application.title')), problemBox(error));
    }
    return null;
  }

  const flash = takeFlash(id);
  if (flash?.kind === 'submitted') notices.append(submittedNotice(flash));

  show(content,
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/' }, t('portal.applications'))),
    h('h1', {}, t('application.heading', { category: label('category', view.category) })),
    h('p', { class: 'muted' }, t('application.number', { id })),
    notices, paymentNotice, status, decision, actions, timeline);

  // Whatever changes the page: after a command, on the timer, when the provider confirms.
  const refresh = async () => {
    try {
      view = await load();
      draw();
    } catch (error) {
      show(paymentNotice, problemBox(error));
    }
  };

  const context = {
    id,
    path,
    notices,
    refresh,
    get view() { return view; },
  };

  const draw = () => {
    show(status, statusOf(view));
    show(timeline, h('h2', {}, t('application.timeline')),
      table(t('application.timelineCaption'), [t('application.when'), t('application.what'), t('application.details')],
        [...view.timeline].reverse().map(entry => [formatDateTime(entry.at), label('event', entry.event), eventDetails(entry)])));
    if (view.decision && !decision.dataset.drawn) {
      decision.dataset.drawn = 'true';
      drawDecision(decision, view.decision);
    }
    const key = JSON.stringify([view.stage, view.awaiting.map(a => a.item), view.fee.status]);
    if (key !== actionsKey) {
      actionsKey = key;
      show(actions, view.stage === 'closed' ? null : [uploadSection(context), paySection(context), withdrawSection(context)]);
    }
    followPayment();
  };

  // The provider's word: after the checkout, the page waits (politely) until the fee is paid or the payment failed.
  const followPayment = () => {
    const pending = pendingPayment(id);
    if (!pending) {
      return;
    }
    const failed = view.timeline.some(e => e.event === 'payment-failed' && e.details?.paymentId === pending.paymentId);
    if (view.fee.status === 'paid') {
      clearPayment(id);
      show(paymentNotice, notice('success', t('payment.confirmed', { amount: formatMoney(view.fee.amount, view.fee.currency) })));
    } else if (failed) {
      clearPayment(id);
      show(paymentNotice, notice('error', t('payment.failed')));
    } else if (paymentPolls >= PAYMENT_POLLS) {
      show(paymentNotice, h('div', { class: 'notice notice-warning', role: 'status' },
        h('p', {}, t('payment.noAnswer')),
        h('button', { type: 'button', class: 'button button-secondary', onclick: () => { paymentPolls = 0; refresh(); } }, t('payment.checkAgain'))));
    } else {
      if (!paymentNotice.querySelector('.payment-waiting')) {
        show(paymentNotice, h('div', { class: 'notice payment-waiting', role: 'status' }, t('payment.waiting')));
      }
      clearTimeout(paymentTimer);
      paymentTimer = setTimeout(() => { paymentPolls++; if (!stopped) refresh(); }, PAYMENT_POLL_MS);
    }
  };

  const tick = () => {
    refreshTimer = setTimeout(async () => {
      if (stopped) return;
      // A payment waiting for the provider has its own, quicker look (followPayment).
      if (document.visibilityState === 'visible' && view.stage !== 'closed' && !pendingPayment(id) && Date.now() - startedAt < REFRESH_FOR_MS) {
        await refresh();
      }
      if (view.stage !== 'closed' || !view.decision) tick();
    }, REFRESH_MS);
  };

  draw();
  tick();
  return () => {
    stopped = true;
    clearTimeout(refreshTimer);
    clearTimeout(paymentTimer);
  };
}

function submittedNotice(flash) {
  const fee = flash.fee;
  return h('div', { class: 'notice notice-success', role: 'status' },
    h('p', { class: 'notice-title' }, t(flash.repeated ? 'application.submittedAgain' : 'application.submitted')),
    fee && fee.status !== 'not-due'
      ? h('p', {}, t('application.feeAtSubmission', { amount: formatMoney(fee.amount, fee.currency), reference: fee.reference, date: formatDate(fee.dueBy) }))
      : h('p', {}, t('application.noFee')));
}

function statusOf(view) {
  const sla = view.sla;
  const fee = view.fee;
  return [
    h('h2', {}, t('application.status')),
    facts([
      [t('application.stage'), badge('stage', view.stage)],
      [t('application.submittedAt'), formatDateTime(view.submittedAt)],
      [t('application.track'), label('track', sla.track)],
      [t('application.slaState'), badge('sla', sla.state)],
      [t('application.dueAt'), sla.dueAt ? formatDate(sla.dueAt) : t('application.noDueDate')],
      [t('application.clock'), t('application.clockDays', { clock: formatDays(sla.clockDays), paused: formatDays(sla.pausedDays) })],
    ]),
    sla.pauses.length > 0
      ? h('div', {}, h('h3', {}, t('application.pauses')),
        h('ul', {}, sla.pauses.map(p => h('li', {}, t(p.end ? 'application.pause' : 'application.pauseOpen', {
          from: formatDateTime(p.start), to: formatDateTime(p.end), reason: label('pause', p.reason),
        })))))
      : null,
    h('h2', {}, t('application.awaiting')),
    view.awaiting.length > 0
      ? h('ul', { class: 'awaited' }, view.awaiting.map(a => h('li', {}, awaitedText(a))))
      : h('p', {}, t(view.stage === 'closed' ? 'application.nothingClosed' : 'application.nothingAwaited')),
    h('h2', {}, t('application.fee')),
    fee.status === 'not-due'
      ? h('p', {}, t('application.noFee'))
      : facts([
        [t('application.feeStatus'), badge('fee', fee.status)],
        [t('application.amount'), formatMoney(fee.amount, fee.currency)],
        [t('application.reference'), h('code', {}, fee.reference)],
        [t('application.feeDueBy'), fee.dueBy ? formatDate(fee.dueBy) : '–'],
      ]),
  ];
}

async function drawDecision(element, decision) {
  show(element,
    h('h2', {}, t('application.decision')),
    facts([
      [t('application.outcome'), badge('outcome', decision.outcome)],
      [t('application.decidedAt'), formatDate(decision.decidedAt)],
    ]),
    decision.grounds.length > 0
      ? h('div', {}, h('h3', {}, t('application.grounds')),
        h('ul', {}, decision.grounds.map(g => h('li', {}, g.description ?? g.code, g.section ? ` (${g.section})` : ''))))
      : null,
    decision.letterUrl ? letterBox(decision.letterUrl) : null);
}

/** The decision letter: a PDF (Dutch, with an English translation) to download. */
function letterBox(letterUrl) {
  const outcome = h('div', { 'aria-live': 'polite' });
  return h('div', { class: 'letter-box' },
    h('h3', {}, t('application.letter')),
    h('p', {}, t('application.letterExplain')),
    h('div', { class: 'actions' }, h('button', {
      type: 'button',
      class: 'button button-secondary',
      onclick: async () => {
        try {
          show(outcome, h('p', {}, t('application.letterDownloaded', { name: await download(letterUrl) })));
        } catch (error) {
          show(outcome, problemBox(error));
        }
      },
    }, t('application.downloadLetter'))),
    outcome);
}
