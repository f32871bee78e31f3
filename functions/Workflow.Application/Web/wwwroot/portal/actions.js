// The applicant's commands on an application: supply documents (missing ones, or the answer to an information request),
// pay the fee at the provider's checkout, withdraw. Each shows its fate: received (202), repeated (200) or refused
// (the API's problem), then what the workflow made of it. Command ids are made once and kept until the API took them,
// so pressing again after a lost answer repeats the command instead of sending a second one.
import { h, show, t, api, problemBox, badge, newId, formatMoney, ApiError } from '/ui/app.js';
import { FormFields } from './form.js';
import { documentLabel } from './labels.js';
import * as check from './validation.js';

const FOLLOW_MS = 2000;
const FOLLOW_TIMES = 15;

const paymentKey = id => `permit-portal-payment:${id}`;
const checkoutKey = id => `permit-portal-checkout:${id}`;
const withdrawalKey = id => `permit-portal-withdrawal:${id}`;

/** The payment sent to the provider's checkout and not yet confirmed or failed, if any. */
export function pendingPayment(id) {
  try {
    const pending = JSON.parse(sessionStorage.getItem(checkoutKey(id)) ?? 'null');
    return pending && typeof pending.paymentId === 'string' ? pending : null;
  } catch {
    return null;
  }
}

/** The payment is settled (confirmed or failed): a new attempt gets a new id. */
export function clearPayment(id) {
  sessionStorage.removeItem(checkoutKey(id));
  sessionStorage.removeItem(paymentKey(id));
}

/** A command's answer: received or repeated, then its fate as the workflow settles it. */
function fateNotice(answer, status, what) {
  const fate = h('p', {}, t('command.fate'), ' ', badge('fate', answer.fate), answer.reason ? ` ${t('command.reason', { reason: answer.reason })}` : '');
  // A 200 is a repeat only when the API says so: a command refused on receipt is answered 200 too, with its fate.
  const rejected = answer.fate === 'rejected';
  const box = h('div', { class: `notice ${rejected ? 'notice-error' : 'notice-success'}`, role: rejected ? 'alert' : 'status' },
    h('p', { class: 'notice-title' }, t(status === 200 && answer.repeated ? 'command.repeated' : 'command.received', { what })),
    fate);
  return { box, fate };
}

/** Asks for a pending command's fate a few times, a couple of seconds apart, and shows it; then the page looks again. */
async function follow(context, answer, element) {
  let current = answer;
  for (let i = 0; i < FOLLOW_TIMES && ['pending', 'recorded'].includes(current.fate); i++) {
    await new Promise(resolve => setTimeout(resolve, FOLLOW_MS));
    try {
      current = (await api('GET', answer.commandUrl)).data.command;
    } catch {
      break;
    }
  }
  show(element, t('command.fate'), ' ', badge('fate', current.fate), current.reason ? ` ${t('command.reason', { reason: current.reason })}` : '');
  if (current.fate === 'rejected') element.parentElement?.classList.replace('notice-success', 'notice-error');
  await context.refresh();
}

/** Supplying documents: a file per missing document type, and the answer to an open information request. */
export function uploadSection(context) {
  const view = context.view;
  const types = view.awaiting.map(a => a.item).filter(item => check.DOCUMENT_TYPES.includes(item) && item !== 'information-response');
  const answering = view.awaiting.some(a => a.item === 'information-response');
  if (types.length === 0 && !answering) {
    return null;
  }

  const requestId = answering
    ? [...view.timeline].reverse().find(e => e.event === 'information-requested' && e.details?.requestId)?.details.requestId
    : undefined;
  const fields = new FormFields();
  const files = new Map();
  const problems = new Map();
  const result = h('div', {});
  const inputs = [...types.map(type => [`upload.${type}`, type, documentLabel(type)]),
    ...(answering ? [['upload.information-response', 'information-response', t('upload.informationResponse')]] : [])];
  const elements = inputs.map(([name, type, text]) => {
    const element = fields.input(name, { type: 'file', accept: '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg', label: text });
    const input = fields.fields.get(name).control;
    input.addEventListener('change', async () => {
      files.delete(name);
      problems.delete(name);
      fields.setError(name, null);
      const chosen = input.files?.[0];
      if (!chosen) return;
      const found = await check.file(chosen);
      fields.setError(name, found);
      if (found) problems.set(name, found); else files.set(name, { type, file: chosen });
    });
    return element;
  });
  const button = h('button', { type: 'submit', class: 'button' }, t('upload.send'));
  const form = h('form', { novalidate: true, onsubmit: async event => {
    event.preventDefault();
    show(result);
    if (problems.size > 0) {
      fields.showErrors(Object.fromEntries(problems));
      return;
    }
    const chosen = [...files.values()];
    const together = chosen.length === 0 ? { key: 'upload.nothingChosen' } : check.files(chosen.map(c => c.file));
    if (together) {
      show(result, h('div', { class: 'notice notice-error', role: 'alert' }, t(together.key, together.values)));
      return;
    }
    button.disabled = true;
    try {
      const documents = await Promise.all(chosen.map(c => check.documentOf(c.type, c.file)));
      const { status, data } = await api('POST', `${context.path}/documents`, requestId ? { documents, requestId } : { documents });
      const { box, fate } = fateNotice(data, status, t('upload.what'));
      show(context.notices, box);
      await follow(context, data, fate);
    } catch (error) {
      button.disabled = false;
      show(result, problemBox(error));
    }
  } },
  answering ? h('p', {}, t('upload.informationRequested', { id: requestId ?? '–' })) : null,
  types.length > 0 ? h('p', {}, t('upload.missing')) : null,
  h('p', { class: 'hint' }, t('form.documentsHint', { mib: check.MAX_DOCUMENT_BYTES / 1048576, total: check.MAX_TOTAL_BYTES / 1048576 })),
  elements,
  result,
  h('div', { class: 'actions' }, button));
  return h('section', { class: 'panel', 'aria-labelledby': 'upload-title' }, h('h2', { id: 'upload-title' }, t('upload.title')), form);
}

/** Paying the fee: a payment is started at the provider (its id kept until taken), then the payer goes to its checkout. */
export function paySection(context) {
  const fee = context.view.fee;
  if (!['due', 'reversed'].includes(fee.status)) {
    return null;
  }
  const result = h('div', {});
  const button = h('button', { type: 'button', class: 'button', onclick: async () => {
    button.disabled = true;
    show(result);
    const paymentId = sessionStorage.getItem(paymentKey(context.id)) ?? newId('PAY');
    sessionStorage.setItem(paymentKey(context.id), paymentId);
    try {
      const { status, data } = await api('POST', `${context.path}/payments`, { paymentId });
      const { box } = fateNotice(data, status, t('payment.what'));
      show(result, box);
      sessionStorage.setItem(checkoutKey(context.id), JSON.stringify({ paymentId, startedAt: new Date().toISOString() }));
      location.assign(data.details.checkoutUrl);
    } catch (error) {
      if (error instanceof ApiError) sessionStorage.removeItem(paymentKey(context.id)); // refused: the id was not used
      button.disabled = false;
      show(result, problemBox(error));
    }
  } }, t('payment.pay', { amount: formatMoney(fee.amount, fee.currency) }));
  return h('section', { class: 'panel', 'aria-labelledby': 'pay-title' },
    h('h2', { id: 'pay-title' }, t('payment.title')),
    h('p', {}, t('payment.explain')),
    h('div', { class: 'actions' }, button),
    result);
}

/** Withdrawing the application before the decision: a confirmation, an optional reason. */
export function withdrawSection(context) {
  const fields = new FormFields();
  const result = h('div', {});
  const button = h('button', { type: 'submit', class: 'button button-danger' }, t('withdraw.send'));
  const form = h('form', { novalidate: true, onsubmit: async event => {
    event.preventDefault();
    fields.clearErrors();
    show(result);
    const reason = fields.value('reason');
    const errors = {};
    const reasonProblem = check.freeText(reason, 2000, false);
    if (reasonProblem) errors.reason = reasonProblem;
    if (!fields.value('withdraw.confirm')) errors['withdraw.confirm'] = { key: 'withdraw.confirmRequired' };
    if (Object.keys(errors).length > 0) {
      fields.showErrors(errors)?.focus();
      return;
    }
    button.disabled = true;
    const withdrawalId = sessionStorage.getItem(withdrawalKey(context.id)) ?? newId('WD');
    sessionStorage.setItem(withdrawalKey(context.id), withdrawalId);
    try {
      const { status, data } = await api('POST', `${context.path}/withdrawal`, check.isBlank(reason) ? { withdrawalId } : { withdrawalId, reason: reason.trim() });
      sessionStorage.removeItem(withdrawalKey(context.id));
      const { box, fate } = fateNotice(data, status, t('withdraw.what'));
      show(context.notices, box);
      await follow(context, data, fate);
    } catch (error) {
      if (error instanceof ApiError) sessionStorage.removeItem(withdrawalKey(context.id));
      button.disabled = false;
      show(result, problemBox(error));
    }
  } },
  h('p', {}, t('withdraw.explain')),
  fields.input('reason', { label: t('withdraw.reason'), hint: t('form.optional') }),
  fields.checkbox('withdraw.confirm', { label: t('withdraw.confirm') }),
  result,
  h('div', { class: 'actions' }, button));
  return h('details', { class: 'panel withdraw' }, h('summary', {}, t('withdraw.title')), form);
}
