// The actions on an application: what the case admits now (as the API's answers show it), and a form per command.
// Each form keeps its command id (newId) until the API took the command, so sending it again repeats it instead of
// making a second one; the API's own messages and the command's fate are shown next to the form.
import { h, show, t, label, newId } from '/ui/app.js';
import { segment, english, inputField, textField, selectField, choiceGroup, sendCommand } from './common.js';

const NEGATIVE_ANSWERS = ['false', 'unfavourable'];
const ANSWERS = {
  'document-authentication': ['authentic', 'false', 'inconclusive'],
  'screening-advice': ['favourable', 'unfavourable'],
};
const AUTHORITIES = ['public-employment-service', 'government-service', 'diplomatic-post', 'information-and-screening-service'];

/** A number field's value as the API reads it: absent when empty, a number when it is one, else as typed (the API says what is wrong). */
function numberOrText(input) {
  const raw = input.value.trim();
  if (raw === '') {
    return undefined;
  }
  return /^-?\d+$/.test(raw) ? Number(raw) : raw;
}

function textOrAbsent(input) {
  const raw = input.value.trim();
  return raw === '' ? undefined : input.value;
}

function openThirdParties(overview) {
  return (overview?.thirdParties ?? []).filter(tp => !tp.request.answer && !tp.request.expired);
}

function negativeAnswers(overview) {
  return (overview?.thirdParties ?? []).filter(tp => NEGATIVE_ANSWERS.includes(tp.request.answer));
}

function awaitingConsent(commands) {
  return commands.filter(c => c.command.kind === 'information-request' && c.command.fate === 'awaiting-consent');
}

/** What the case admits now, in words, from the state the API gave; the API itself decides when a command is sent. */
function admits(page) {
  const { application: view, overview, commands } = page.data;
  if (view.stage === 'closed') {
    return [t('admits.closed')];
  }
  const items = [view.awaiting.includes('caseworker-decision') ? t('admits.decision') : t('admits.noDecision', { stage: label('stage', view.stage) })];
  const open = openThirdParties(overview);
  if (open.length) {
    items.push(t('admits.thirdPartyOpen', { ids: open.map(tp => tp.request.requestId).join(', ') }));
  }
  if (negativeAnswers(overview).length) {
    items.push(t('admits.override'));
  }
  if (view.openInformationRequestId) {
    items.push(t('admits.informationOpen', { id: view.openInformationRequestId }));
  }
  const consent = awaitingConsent(commands);
  if (consent.length) {
    items.push(t('admits.consent', { ids: consent.map(c => c.command.commandId).join(', ') }));
  }
  return items;
}

/** Redraws the page once the workflow made the step an accepted command asked for; at once otherwise. */
function settle(page, result, step, withOverview) {
  return result.answer?.fate === 'accepted' ? page.refreshWhen(step, withOverview) : page.refresh(withOverview);
}

function commandForm(headingKey, ...children) {
  const box = h('div', { class: 'command-answer', 'aria-live': 'polite' });
  const form = h('form', { class: 'panel wb-form', novalidate: true }, h('h3', {}, t(headingKey)), h('div', { class: 'form-body' }, ...children), box);
  return { form, box };
}

function informationForm(page) {
  let requestId = newId('INF');
  const question = textField({ name: 'question', label: t('information.question') });
  const deadline = inputField({ name: 'deadlineDays', label: t('information.deadlineDays'), hint: t('information.deadlineHint'), type: 'number', min: '1', max: '60', value: '15', inputmode: 'numeric' });
  const { form, box } = commandForm('information.title',
    h('p', { class: 'hint' }, t('information.explain')),
    question.field, deadline.field,
    h('button', { type: 'submit', class: 'button' }, t('information.submit')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const result = await sendCommand(form, box, 'POST', `/api/applications/${segment(page.id)}/information-requests`,
      { requestId, question: question.input.value, deadlineDays: numberOrText(deadline.input) }, page.stillShown);
    if (result.ok) {
      const sent = requestId;
      requestId = newId('INF');
      question.input.value = '';
      await settle(page, result, entry => entry.details?.requestId === sent, false);
    }
  });
  return form;
}

function thirdPartyForm(page) {
  let requestId = newId('TP');
  const kind = selectField({ name: 'kind', label: t('thirdParty.kind'), options: Object.keys(ANSWERS).map(k => [k, label('tpKind', k)]) });
  const authority = selectField({ name: 'authority', label: t('thirdParty.authority'), options: AUTHORITIES.map(a => [a, label('authority', a)]) });
  const types = [...new Set((page.data.documents?.documents ?? []).map(d => d.type))];
  const documentType = selectField({
    name: 'documentType', label: t('thirdParty.document'), hint: t('thirdParty.documentHint'),
    options: [['', t('thirdParty.noDocument')], ...types.map(type => [type, label('doc', type)])],
  });
  const deadline = inputField({ name: 'deadlineDays', label: t('thirdParty.deadlineDays'), hint: t('thirdParty.deadlineHint'), type: 'number', min: '1', max: '90', value: '30', inputmode: 'numeric' });
  const question = textField({ name: 'question', label: t('thirdParty.question'), rows: 3 });
  const { form, box } = commandForm('thirdParty.title',
    h('p', { class: 'hint' }, t('thirdParty.explain')),
    kind.field, authority.field, documentType.field, deadline.field, question.field,
    h('button', { type: 'submit', class: 'button' }, t('thirdParty.submit')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const result = await sendCommand(form, box, 'POST', `/api/applications/${segment(page.id)}/third-party-requests`, {
      requestId,
      kind: kind.input.value,
      authority: authority.input.value,
      documentType: documentType.input.value || undefined,
      deadlineDays: numberOrText(deadline.input),
      question: textOrAbsent(question.input),
    }, page.stillShown);
    if (result.ok) {
      const sent = requestId;
      requestId = newId('TP');
      question.input.value = '';
      await settle(page, result, entry => entry.details?.requestId === sent, true);
    }
  });
  return form;
}

/** One form per open third-party request, to record what the third party answered. */
function answerForm(page, tp, ids) {
  const request = tp.request;
  ids.set(request.requestId, ids.get(request.requestId) ?? newId('ANS'));
  const answer = selectField({
    name: 'answer', label: t('thirdParty.answer'),
    options: [['', t('thirdParty.chooseAnswer')], ...(ANSWERS[request.kind] ?? []).map(a => [a, label('tpAnswer', a)])],
  });
  const note = textField({ name: 'note', label: t('thirdParty.note'), rows: 3 });
  const { form, box } = commandForm('thirdParty.answerTitle',
    h('p', {}, t('thirdParty.answerFor', {
      id: request.requestId, kind: label('tpKind', request.kind), authority: label('authority', request.authority),
    })),
    answer.field, note.field,
    h('button', { type: 'submit', class: 'button' }, t('thirdParty.answerSubmit')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const result = await sendCommand(form, box,
      'POST', `/api/applications/${segment(page.id)}/third-party-requests/${segment(request.requestId)}/answer`,
      { answerId: ids.get(request.requestId), answer: answer.input.value || undefined, note: textOrAbsent(note.input) }, page.stillShown);
    if (result.ok) {
      ids.delete(request.requestId);
      await settle(page, result, entry => entry.details?.requestId === request.requestId && entry.details?.answer !== undefined, true);
    }
  });
  return form;
}

function decisionForm(page) {
  let decisionId = newId('DEC');
  const verdict = choiceGroup({ name: 'verdict', legend: t('decision.verdict'), choices: [['approve', t('verdict.approve')], ['refuse', t('verdict.refuse')]] });
  const grounds = choiceGroup({
    name: 'grounds', type: 'checkbox', legend: t('decision.groundsLegend'), hint: t('decision.groundsHint'),
    choices: page.grounds.map(g => [g.code, h('span', {}, h('code', {}, g.code), ` (${g.section}) `, english(g.description))]),
  });
  grounds.fieldset.hidden = true;
  const motivation = textField({ name: 'motivation', label: t('decision.motivation'), hint: t('decision.motivationHint'), rows: 5 });
  const override = textField({ name: 'overrideReason', label: t('decision.overrideReason'), hint: t('decision.overrideHint'), rows: 3 });
  const overrideNote = h('p', { class: 'notice notice-warning' }, t('decision.overrideNeeded'));
  const overrideBlock = h('div', {}, overrideNote, override.field);
  const { form, box } = commandForm('decision.title',
    verdict.fieldset, grounds.fieldset, motivation.field, overrideBlock,
    h('button', { type: 'submit', class: 'button' }, t('decision.submit')));

  const chosen = () => verdict.inputs.find(input => input.checked)?.value;
  let forceOverride = false;
  const arrange = () => {
    grounds.fieldset.hidden = chosen() !== 'refuse';
    overrideBlock.hidden = !(forceOverride || (chosen() !== 'refuse' && negativeAnswers(page.data.overview).length > 0));
  };
  for (const input of verdict.inputs) {
    input.addEventListener('change', arrange);
  }
  arrange();

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const refuse = chosen() === 'refuse';
    const body = {
      decisionId,
      verdict: chosen(),
      grounds: refuse ? grounds.inputs.filter(input => input.checked).map(input => input.value) : [],
      motivation: motivation.input.value,
      overrideReason: overrideBlock.hidden ? undefined : textOrAbsent(override.input),
    };
    const result = await sendCommand(form, box, 'POST', `/api/applications/${segment(page.id)}/decision`, body, page.stillShown);
    if (result.ok) {
      const sent = decisionId;
      decisionId = newId('DEC');
      await settle(page, result, entry => entry.details?.decisionId === sent, false);
    } else if (result.error?.status === 422) {
      // The API asks for an override reason: the field is there to give one.
      forceOverride = true;
      arrange();
      override.input.focus();
    }
  });
  return { form, arrange };
}

function assignForm(page) {
  const known = page.caseworkers?.caseworkers ?? [];
  const caseworker = selectField({
    name: 'caseworker', label: t('assign.caseworker'),
    options: [['', t('assign.choose')], ...known.map(c => [c.subject, t('assign.option', { name: c.name ?? c.subject, open: c.openWorklist })])],
  });
  const reason = textField({ name: 'reason', label: t('assign.reason'), hint: t('assign.reasonHint'), rows: 3 });
  const { form, box } = commandForm('assign.title',
    h('p', { class: 'hint' }, t('assign.explain')),
    caseworker.field, reason.field,
    h('button', { type: 'submit', class: 'button' }, t('assign.submit')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const subject = caseworker.input.value;
    const name = known.find(c => c.subject === subject)?.name;
    const result = await sendCommand(form, box, 'PUT', `/api/applications/${segment(page.id)}/assignment`,
      { caseworker: subject || undefined, name, reason: textOrAbsent(reason.input) }, page.stillShown);
    if (result.ok) {
      reason.input.value = '';
      await page.refresh(false);
    }
  });
  return form;
}

/** A manager's consent to an information request held beyond the caseworker's limit. */
function consentForm(page, command) {
  const requestId = command.command.commandId;
  const grant = choiceGroup({ name: 'grant', legend: t('consent.grant'), choices: [['true', t('consent.yes')], ['false', t('consent.no')]] });
  const reason = textField({ name: 'reason', label: t('consent.reason'), hint: t('consent.reasonHint'), rows: 3 });
  const { form, box } = commandForm('consent.title',
    h('p', {}, t('consent.explain', { id: requestId, by: command.actorName ?? command.actorSubject })),
    grant.fieldset, reason.field,
    h('button', { type: 'submit', class: 'button' }, t('consent.submit')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const chosen = grant.inputs.find(input => input.checked)?.value;
    const result = await sendCommand(form, box,
      'POST', `/api/applications/${segment(page.id)}/information-requests/${segment(requestId)}/consent`,
      { grant: chosen === undefined ? undefined : chosen === 'true', reason: textOrAbsent(reason.input) }, page.stillShown);
    if (result.ok) {
      // A granted request goes to the applicant (a step of the workflow); a denied one stays a record.
      await (chosen === 'true' ? page.refreshWhen(entry => entry.details?.requestId === requestId, false) : page.refresh(false));
    }
  });
  return form;
}

/**
 * Draws the actions beside the application: what the case admits now, then the forms of the person's roles. Returns
 * { update(page) }: redraws what depends on the application's state (the forms already drawn keep what was typed).
 */
export function renderActions(aside, page) {
  const { me } = page;
  const caseworker = me.roles.includes('caseworker');
  const manager = me.roles.includes('manager');
  const admitted = h('ul', { class: 'admits' });
  const answers = h('div', {});
  const consents = h('div', {});
  const answerIds = new Map();
  const decision = caseworker ? decisionForm(page) : null;

  show(aside,
    h('h2', { id: 'actions-heading' }, t('actions.title')),
    h('div', { class: 'panel admits-panel' }, h('h3', {}, t('admits.title')), admitted),
    manager ? assignForm(page) : null,
    consents,
    caseworker ? informationForm(page) : null,
    caseworker ? thirdPartyForm(page) : null,
    answers,
    decision?.form,
    caseworker ? null : h('p', { class: 'muted' }, t('actions.caseworkersOnly')));

  // A form stays while its request is open, with what was typed in it; the settled ones go.
  const answerForms = new Map();
  const consentForms = new Map();
  const keep = (forms, keys, make) => {
    for (const key of [...forms.keys()].filter(k => !keys.includes(k))) {
      forms.delete(key);
    }
    return keys.map(key => {
      if (!forms.has(key)) {
        forms.set(key, make(key));
      }
      return forms.get(key);
    });
  };

  const update = current => {
    show(admitted, admits(current).map(text => h('li', {}, text)));
    // A closed application takes no command any more (the API would refuse each with 409): its forms go, but the
    // answer to the last command sent stays in sight.
    const closed = current.data.application.stage === 'closed';
    for (const form of aside.querySelectorAll('form')) {
      form.querySelector('.form-body').hidden = closed;
      form.hidden = closed && form.querySelector('.command-answer').childElementCount === 0;
    }
    if (caseworker) {
      const open = openThirdParties(current.data.overview);
      show(answers, keep(answerForms, open.map(tp => tp.request.requestId), id => answerForm(current, open.find(tp => tp.request.requestId === id), answerIds)));
    }
    if (manager) {
      const waiting = awaitingConsent(current.data.commands);
      show(consents, keep(consentForms, waiting.map(c => c.command.commandId), id => consentForm(current, waiting.find(c => c.command.commandId === id))));
    }
    decision?.arrange();
  };
  update(page);
  return { update };
}
