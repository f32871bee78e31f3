// "Submit an application": a form per category, checked in the browser as the API checks it (validation.js), with
// drafts saved as the person types (drafts.js: this browser only, no documents). Documents are chosen as files, checked
// on choice, read and sent in base64 only when the form is valid. The draft's submission id makes a second submit a
// repeat (200) rather than a second application; the answer leads to the application's page with the fee due.
import { h, show, t, api, problemBox, notice, label, formatDateTime, ApiError } from '/ui/app.js';
import { FormFields } from './form.js';
import { listDrafts, findDraft, newDraft, saveDraft, deleteDraft } from './drafts.js';
import { documentLabel } from './labels.js';
import * as check from './validation.js';
import { setFlash } from './flash.js';

const vks = () => [1, 2, 3, 4, 5, 6, 7, 8].map(level => [String(level), t('form.vks', { level })]);

export async function renderSubmit(content, { applicant, params }) {
  const self = applicant.startsWith('self:');
  const draft = (params.draft && findDraft(applicant, params.draft)) || newDraft();
  const restored = Boolean(params.draft && draft.savedAt);
  const fields = new FormFields();
  const status = h('div', { class: 'form-status' });
  const files = new Map(); // field name of a file input → { type, file }, for files that passed their checks
  const fileProblems = new Map(); // field name of a file input → its problem, for files that did not

  // Categories this applicant may file: a professional card is asked by the self-employed person, the rest by an employer.
  const categories = check.CATEGORIES.filter(c => check.isSelfEmployed(c) === self).map(c => [c, label('category', c)]);

  const employer = h('fieldset', {}, h('legend', {}, t('form.employer')),
    fields.input('employer.kbo', { value: self ? '' : applicant, readonly: true, hint: t('form.kboFromSignIn') }),
    fields.input('employer.name', { autocomplete: 'organization' }),
    fields.input('employer.contactEmail', { type: 'email', autocomplete: 'email' }));
  const selfEmployed = h('fieldset', {}, h('legend', {}, t('form.selfEmployed')),
    fields.input('selfEmployed.reference', { value: self ? applicant.slice('self:'.length) : '', readonly: true, hint: t('form.referenceFromSignIn') }),
    fields.input('selfEmployed.kbo', { hint: t('form.optional') }),
    fields.input('selfEmployed.contactEmail', { type: 'email', autocomplete: 'email' }));

  const numbers = {
    insz: fields.input('worker.insz', { inputmode: 'numeric', hint: t('form.inszHint') }),
    bis: fields.input('worker.bis', { inputmode: 'numeric', hint: t('form.bisHint') }),
    passport: fields.input('worker.passportNumber'),
  };
  const integration = fields.checkbox('worker.integrationTestPassed');
  const worker = h('fieldset', {}, h('legend', {}, t('form.worker')),
    fields.input('worker.givenName'),
    fields.input('worker.familyName'),
    fields.radios('worker.identification', [['insz', t('form.byInsz')], ['bis', t('form.byBis')], ['passport', t('form.byPassport')]]),
    numbers.insz, numbers.bis, numbers.passport,
    fields.input('worker.nationality', { hint: t('form.nationalityHint') }),
    fields.input('worker.birthDate', { type: 'date' }),
    fields.input('worker.contactEmail', { type: 'email', hint: t('form.optional') }),
    fields.select('worker.qualificationVksLevel', vks(), { emptyText: t('form.notGiven') }),
    fields.checkbox('worker.nurseAwaitingRecognition'),
    integration);

  const occupation = fields.input('job.occupationCode', { hint: t('form.occupationHint') });
  const endDate = fields.input('job.endDate', { type: 'date' });
  const job = h('fieldset', {}, h('legend', {}, t('form.job')),
    fields.input('job.title'),
    fields.select('job.vksLevel', vks()),
    fields.input('job.grossAnnualSalary', { type: 'number', inputmode: 'decimal', min: '0', step: '0.01', hint: t('form.salaryHint') }),
    fields.input('job.startDate', { type: 'date' }),
    endDate,
    occupation,
    fields.checkbox('job.careFunction'));

  const vacancyRows = h('div', {});
  let vacancies = [];
  const drawVacancies = () => {
    for (const name of [...fields.fields.keys()].filter(n => n.startsWith('labourMarketTest.vacancies['))) fields.remove(name);
    show(vacancyRows, vacancies.map((vacancy, i) => {
      const base = `labourMarketTest.vacancies[${i}]`;
      const group = h('fieldset', { class: 'vacancy' }, h('legend', {}, t('form.vacancy', { number: i + 1 })),
        h('div', { class: 'grid-3' },
          fields.select(`${base}.site`, [['vdab', 'VDAB'], ['eures', 'EURES']]),
          fields.input(`${base}.from`, { type: 'date' }),
          fields.input(`${base}.to`, { type: 'date' })),
        h('button', { type: 'button', class: 'link-button', onclick: () => { vacancies = collectVacancies(); vacancies.splice(i, 1); drawVacancies(); changed(); } },
          t('form.removeVacancy', { number: i + 1 })));
      fields.setValue(`${base}.site`, vacancy.site);
      fields.setValue(`${base}.from`, vacancy.from);
      fields.setValue(`${base}.to`, vacancy.to);
      return group;
    }));
  };
  const collectVacancies = () => vacancies.map((_, i) => ({
    site: fields.value(`labourMarketTest.vacancies[${i}].site`),
    from: fields.value(`labourMarketTest.vacancies[${i}].from`),
    to: fields.value(`labourMarketTest.vacancies[${i}].to`),
  }));
  const labourMarket = h('fieldset', {}, h('legend', {}, t('form.labourMarketTest')),
    h('p', { class: 'hint' }, t('form.labourMarketHint')),
    vacancyRows,
    h('button', { type: 'button', class: 'button button-secondary', onclick: () => {
      vacancies = collectVacancies();
      if (vacancies.length < check.MAX_VACANCIES) vacancies.push({ site: '', from: '', to: '' });
      drawVacancies();
      changed();
    } }, t('form.addVacancy')));

  // Documents: one file per required type of the category, and any other documents with a type of their own.
  const documentError = h('p', { class: 'field-error', id: 'f-documents-error' });
  const requiredDocuments = h('div', {});
  const extraDocuments = h('div', {});
  let extras = 0;
  const fileInput = (name, type, labelText) => {
    const element = fields.input(name, { type: 'file', accept: '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg', label: labelText });
    const input = fields.fields.get(name).control;
    input.addEventListener('change', async () => {
      const chosen = input.files?.[0];
      files.delete(name);
      fileProblems.delete(name);
      fields.setError(name, null);
      if (!chosen) return;
      const found = await check.file(chosen);
      fields.setError(name, found);
      if (found) fileProblems.set(name, found);
      else files.set(name, { type: type ?? fields.value(`${name}.type`), file: chosen });
    });
    return element;
  };
  const drawRequiredDocuments = category => {
    for (const name of [...fields.fields.keys()].filter(n => n.startsWith('documents.required.'))) fields.remove(name);
    for (const name of [...files.keys()].filter(n => n.startsWith('documents.required.'))) files.delete(name);
    for (const name of [...fileProblems.keys()].filter(n => n.startsWith('documents.required.'))) fileProblems.delete(name);
    show(requiredDocuments, (check.REQUIRED_DOCUMENTS[category] ?? []).map(type =>
      fileInput(`documents.required.${type}`, type, documentLabel(type))));
  };
  const addExtra = () => {
    const name = `documents.extra.${extras++}`;
    const types = check.DOCUMENT_TYPES.filter(type => type !== 'information-response').map(type => [type, documentLabel(type)]);
    const row = h('div', { class: 'extra-document' },
      fields.select(`${name}.type`, types, { label: t('form.documentType') }),
      fileInput(name, null, t('form.documentFile')));
    fields.fields.get(`${name}.type`).control.addEventListener('change', () => {
      const chosen = files.get(name);
      if (chosen) chosen.type = fields.value(`${name}.type`);
    });
    extraDocuments.append(row);
  };
  const documents = h('fieldset', { 'aria-describedby': 'f-documents-hint f-documents-error' }, h('legend', {}, t('form.documents')),
    h('p', { class: 'hint', id: 'f-documents-hint' }, t('form.documentsHint', { mib: check.MAX_DOCUMENT_BYTES / 1048576, total: check.MAX_TOTAL_BYTES / 1048576 })),
    requiredDocuments, extraDocuments,
    h('button', { type: 'button', class: 'button button-secondary', onclick: addExtra }, t('form.addDocument')),
    documentError);

  const categoryField = fields.select('category', categories);
  const submit = h('button', { type: 'submit', class: 'button' }, t('form.submit'));
  const form = h('form', { class: 'application-form', novalidate: true, onsubmit: event => { event.preventDefault(); send(); } },
    h('fieldset', {}, h('legend', {}, t('form.category')), categoryField),
    employer, selfEmployed, worker, job, labourMarket, documents,
    h('p', { class: 'muted' }, t('form.reference', { reference: draft.submissionId })),
    status,
    h('div', { class: 'actions' }, submit,
      h('button', { type: 'button', class: 'button button-secondary', onclick: () => discard(draft.id) }, t('drafts.discard'))));

  // Which parts show depends on the category and the chosen identification.
  const arrange = () => {
    const category = fields.value('category');
    const identification = fields.value('worker.identification');
    employer.hidden = check.isSelfEmployed(category);
    selfEmployed.hidden = !check.isSelfEmployed(category);
    labourMarket.hidden = !check.needsLabourMarketTest(category);
    occupation.hidden = category !== 'medium-skilled-shortage';
    integration.hidden = category !== 'minister-of-religion';
    numbers.insz.hidden = identification !== 'insz';
    numbers.bis.hidden = identification !== 'bis';
    numbers.passport.hidden = identification !== 'passport';
    if (requiredDocuments.dataset.category !== category) {
      requiredDocuments.dataset.category = category;
      drawRequiredDocuments(category);
    }
  };

  const collect = () => {
    const values = {};
    for (const name of fields.fields.keys()) {
      if (name.startsWith('documents.') || name.startsWith('labourMarketTest.')) continue;
      values[name] = fields.value(name);
    }
    values['labourMarketTest.vacancies'] = collectVacancies();
    return values;
  };

  // Saved as the person types, a moment after the last key; the address then names the draft, so a reload restores it.
  let timer = null;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      draft.values = collect();
      saveDraft(applicant, draft);
      if (location.hash !== `#/new/${draft.id}`) history.replaceState(null, '', `#/new/${encodeURIComponent(draft.id)}`);
      show(saved, t('drafts.saved', { time: formatDateTime(draft.savedAt) }));
    }, 400);
  };
  const saved = h('p', { class: 'muted', role: 'status' });

  form.addEventListener('input', event => { if (event.target.type !== 'file') changed(); });
  form.addEventListener('change', event => { arrange(); if (event.target.type !== 'file') changed(); });

  async function send() {
    clearTimeout(timer);
    fields.clearErrors();
    documentError.textContent = '';
    show(status);
    const values = collect();
    const errors = check.validateApplication(values);
    for (const [name, found] of fileProblems) errors[name] = found;
    for (const name of fields.fields.keys()) {
      if (name.startsWith('documents.extra.') && name.endsWith('.type')) {
        const fileName = name.slice(0, -'.type'.length);
        if (files.has(fileName) && !fields.value(name)) errors[name] = { key: 'check.required' };
      }
    }
    const chosen = [...files.values()];
    const together = check.files(chosen.map(c => c.file));
    if (together) {
      documentError.textContent = t(together.key, together.values);
    }
    const count = Object.keys(errors).length + (together ? 1 : 0);
    if (count > 0) {
      const first = fields.showErrors(errors);
      show(status, notice('error', t('form.errors', { count })));
      (first ?? documents).focus();
      return;
    }

    submit.disabled = true;
    show(status, notice('info', t('form.sending')));
    try {
      const documentsSent = await Promise.all(chosen.map(c => check.documentOf(c.type, c.file)));
      const { status: code, data } = await api('POST', '/api/applications', check.requestOf(values, draft.submissionId, documentsSent));
      deleteDraft(applicant, draft.id);
      setFlash(data.applicationId, { kind: 'submitted', repeated: code === 200, fee: data.fee });
      location.hash = `#/applications/${encodeURIComponent(data.applicationId)}`;
    } catch (error) {
      submit.disabled = false;
      if (error instanceof ApiError) {
        // The API's own words, and each field it names marked where the form has it.
        for (const [field, messages] of Object.entries(error.problem.errors ?? {})) {
          fields.setError(field, [].concat(messages).join('; '));
        }
      }
      show(status, problemBox(error));
    }
  }

  // A deleted draft goes from this browser; deleting the one open starts a new form.
  function discard(id) {
    clearTimeout(timer);
    deleteDraft(applicant, id);
    const open = id === draft.id;
    if (open && location.hash !== '#/new') {
      location.hash = '#/new';
    } else {
      renderSubmit(content, { applicant, params: open ? {} : params });
    }
  }

  const drafts = listDrafts(applicant);
  show(content,
    h('h1', {}, t('portal.newApplication')),
    h('p', {}, t('submit.intro')),
    notice('info', t('drafts.local')),
    drafts.length > 0 ? h('section', { 'aria-labelledby': 'drafts-title' },
      h('h2', { id: 'drafts-title' }, t('drafts.title')),
      h('ul', { class: 'drafts' }, drafts.map(d => h('li', {},
        h('a', { href: `#/new/${encodeURIComponent(d.id)}`, 'aria-current': d.id === draft.id ? 'true' : null },
          t('drafts.item', { category: d.values.category ? label('category', d.values.category) : t('drafts.noCategory'), time: formatDateTime(d.savedAt) })),
        ' ',
        h('button', { type: 'button', class: 'link-button', onclick: () => discard(d.id) }, t('drafts.delete', { category: d.values.category ? label('category', d.values.category) : t('drafts.noCategory') })))))) : null,
    restored ? notice('success', t('drafts.restored', { time: formatDateTime(draft.savedAt) })) : null,
    form,
    saved);

  // A new form starts on the only category the applicant may file, if there is one; a draft brings its own values.
  if (categories.length === 1) fields.setValue('category', categories[0][0]);
  for (const [name, value] of Object.entries(draft.values)) {
    if (name !== 'labourMarketTest.vacancies') fields.setValue(name, value);
  }
  vacancies = Array.isArray(draft.values['labourMarketTest.vacancies']) ? draft.values['labourMarketTest.vacancies'] : [];
  drawVacancies();
  arrange();
  return () => clearTimeout(timer);
}
