// What the workbench's screens share: the current screen (so a slow answer never draws over a newer screen), form
// fields with real labels, and sending a command with its fate shown next to the form.
import { api, h, show, t, label, badge, notice, problemBox, ApiError, formatDays } from '/ui/app.js';

let screen = 0;

/** Starts a new screen; the function returned tells whether it is still the one shown. */
export function newScreen() {
  const mine = ++screen;
  return () => mine === screen;
}

/** An application id as a path segment. */
export function segment(value) {
  return encodeURIComponent(value);
}

/** A person as the API names them: the display name, else the subject. */
export function person(who) {
  return who ? who.name ?? who.subject : null;
}

/** Days left on the clock, negative when overdue, in words. */
export function daysLeft(days) {
  if (days === null || days === undefined) {
    return '–';
  }
  return days < 0 ? t('clock.overdue', { days: formatDays(-days) }) : t('clock.left', { days: formatDays(days) });
}

/** Text the API wrote in English (explanations, descriptions), marked as such for screen readers. */
export function english(text) {
  return text ? h('span', { lang: 'en' }, text) : '–';
}

let fieldCounter = 0;

function fieldId(name) {
  fieldCounter += 1;
  return `f-${name}-${fieldCounter}`;
}

/** A labelled input: { name, label, type, hint, ...attributes }; returns { field, input }. */
export function inputField({ name, label: text, hint, type = 'text', ...attributes }) {
  const id = fieldId(name);
  const hintId = hint ? `${id}-hint` : null;
  const input = h('input', { id, name, type, 'aria-describedby': hintId, ...attributes });
  return { input, field: h('div', { class: 'field' }, h('label', { for: id }, text), hint ? h('span', { class: 'hint', id: hintId }, hint) : null, input) };
}

/** A labelled text area. */
export function textField({ name, label: text, hint, rows = 4, ...attributes }) {
  const id = fieldId(name);
  const hintId = hint ? `${id}-hint` : null;
  const input = h('textarea', { id, name, rows: String(rows), 'aria-describedby': hintId, ...attributes });
  return { input, field: h('div', { class: 'field' }, h('label', { for: id }, text), hint ? h('span', { class: 'hint', id: hintId }, hint) : null, input) };
}

/** A labelled select of [value, text] options. */
export function selectField({ name, label: text, options, hint, ...attributes }) {
  const id = fieldId(name);
  const hintId = hint ? `${id}-hint` : null;
  const input = h('select', { id, name, 'aria-describedby': hintId, ...attributes },
    options.map(([value, optionText]) => h('option', { value }, optionText)));
  return { input, field: h('div', { class: 'field' }, h('label', { for: id }, text), hint ? h('span', { class: 'hint', id: hintId }, hint) : null, input) };
}

/** A group of radio buttons or check boxes in a fieldset with its legend: choices are [value, content, describedText]. */
export function choiceGroup({ name, legend, type = 'radio', choices, hint }) {
  const inputs = [];
  const items = choices.map(([value, content]) => {
    const id = fieldId(`${name}-${value}`);
    const input = h('input', { type, id, name, value });
    inputs.push(input);
    return h('label', { for: id }, input, h('span', {}, content));
  });
  const fieldset = h('fieldset', { class: 'checks' }, h('legend', {}, legend), hint ? h('p', { class: 'hint' }, hint) : null, items);
  return { fieldset, inputs };
}

/** Marks the fields the API named in its problem (aria-invalid), and clears the marks of the others. */
function markFields(form, error) {
  for (const element of form.querySelectorAll('[aria-invalid]')) {
    element.removeAttribute('aria-invalid');
  }
  if (!(error instanceof ApiError)) {
    return;
  }
  for (const field of Object.keys(error.problem.errors ?? {})) {
    const name = field.replace(/\[\d+\].*$/, '');
    for (const element of form.querySelectorAll(`[name="${CSS.escape(name)}"]`)) {
      element.setAttribute('aria-invalid', 'true');
    }
  }
}

/** How the API answered a command that it took: 202 accepted, 200 repeated (or done), with the command's fate. */
export function fateBox(status, answer, settled) {
  const title = status === 202 ? t('command.accepted202')
    : answer?.repeated ? t('command.repeated200')
    : t('command.done200');
  const rejected = answer?.fate === 'rejected';
  return h('div', { class: `notice ${rejected ? 'notice-error' : 'notice-success'}`, role: rejected ? 'alert' : 'status' },
    h('p', { class: 'notice-title' }, title),
    answer?.fate
      ? h('p', {}, t('command.fate'), ' ', badge('fate', answer.fate), answer.reason ? h('span', {}, ' — ', english(answer.reason)) : null)
      : null,
    ['pending', 'recorded'].includes(answer?.fate) && !settled ? h('p', { class: 'muted' }, t('command.following')) : null,
    answer?.commandId ? h('p', { class: 'muted' }, t('command.id', { kind: label('kind', answer.kind), id: answer.commandId })) : null);
}

const wait = ms => new Promise(resolve => { setTimeout(resolve, ms); });

/** Follows a command still pending (or recorded, not yet raised) until the workflow settles its fate (or a minute passes), showing it as it goes. */
async function follow(box, status, answer, stillShown) {
  let current = answer;
  for (let attempt = 0; attempt < 60 && ['pending', 'recorded'].includes(current.fate) && stillShown(); attempt++) {
    await wait(1000);
    try {
      current = { ...(await api('GET', answer.commandUrl)).data.command, repeated: answer.repeated };
    } catch {
      break; // the answer stays as the API first gave it
    }
  }
  if (stillShown()) {
    show(box, fateBox(status, current, true));
  }
  return current;
}

/**
 * Sends a command from a form and shows the API's answer in the form's answer box: the fate (202 accepted, 200
 * repeated) followed until the workflow settles it, or the API's own problem (400 with each field's message, 409 or
 * 422 with the reason). Resolves to { ok, status, answer } once settled; ok is false for a problem.
 */
export async function sendCommand(form, box, method, path, body, stillShown = () => true) {
  const button = form.querySelector('button[type="submit"]');
  button?.setAttribute('disabled', '');
  show(box, notice('info', t('command.sending')));
  try {
    const { status, data } = await api(method, path, body);
    markFields(form, null);
    show(box, fateBox(status, data, false));
    const settled = data?.fate === 'pending' && data.commandUrl ? await follow(box, status, data, stillShown) : data;
    return { ok: true, status, answer: settled };
  } catch (error) {
    markFields(form, error);
    show(box, problemBox(error));
    return { ok: false, error };
  } finally {
    button?.removeAttribute('disabled');
  }
}
