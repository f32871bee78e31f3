// Accessible form fields for the portal: a real label for every field, its hint and its error tied to it
// (aria-describedby), aria-invalid while it is wrong, groups as fieldsets with a legend. Labels are the dictionary's
// field.<name> texts, the same the shared problem box uses for the API's field errors.
import { h, t } from '/ui/app.js';

/** The element id of a field, from its name ("worker.insz" → "f-worker-insz"). */
export function fieldId(name) {
  return `f-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/** The label of a field: dictionary key field.<name> with list indexes as [] ("labourMarketTest.vacancies[].site"). */
export function fieldLabel(name) {
  return t(`field.${name.replace(/\[\d+\]/g, '[]')}`);
}

/** A set of fields whose errors are shown next to them. */
export class FormFields {
  constructor() {
    this.fields = new Map();
  }

  /** Registers a control (or a group) under a field name, with its error element and optional hint element. */
  register(name, control, error, hint) {
    this.fields.set(name, { control, error, hint });
  }

  remove(name) {
    this.fields.delete(name);
  }

  /** A labelled input: type text, email, date, number, file... */
  input(name, options = {}) {
    const id = fieldId(name);
    const hint = options.hint ? h('span', { class: 'hint', id: `${id}-hint` }, options.hint) : null;
    const error = h('p', { class: 'field-error', id: `${id}-error` });
    const input = h('input', {
      id,
      name,
      type: options.type ?? 'text',
      autocomplete: options.autocomplete ?? 'off',
      inputmode: options.inputmode,
      readonly: options.readonly,
      required: options.required,
      accept: options.accept,
      step: options.step,
      min: options.min,
      max: options.max,
      value: options.value,
      'aria-describedby': hint ? hint.id : null,
      dataset: options.dataset,
    });
    this.register(name, input, error, hint);
    return h('div', { class: 'field' }, h('label', { for: id }, options.label ?? fieldLabel(name)), hint, input, error);
  }

  /** A labelled select of [value, text] pairs; an empty first option when not required or no default. */
  select(name, choices, options = {}) {
    const id = fieldId(name);
    const hint = options.hint ? h('span', { class: 'hint', id: `${id}-hint` }, options.hint) : null;
    const error = h('p', { class: 'field-error', id: `${id}-error` });
    const select = h('select', { id, name, required: options.required, 'aria-describedby': hint ? hint.id : null },
      options.empty === false ? null : h('option', { value: '' }, options.emptyText ?? t('form.choose')),
      choices.map(([value, text]) => h('option', { value }, text)));
    this.register(name, select, error, hint);
    return h('div', { class: 'field' }, h('label', { for: id }, options.label ?? fieldLabel(name)), hint, select, error);
  }

  /** A labelled checkbox. */
  checkbox(name, options = {}) {
    const id = fieldId(name);
    const error = h('p', { class: 'field-error', id: `${id}-error` });
    const input = h('input', { id, name, type: 'checkbox' });
    this.register(name, input, error);
    return h('div', { class: 'field checks' }, h('label', { for: id }, input, h('span', {}, options.label ?? fieldLabel(name))), error);
  }

  /** A group of radio buttons in a fieldset with a legend. */
  radios(name, choices, options = {}) {
    const id = fieldId(name);
    const error = h('p', { class: 'field-error', id: `${id}-error` });
    const legend = h('legend', {}, options.label ?? fieldLabel(name));
    const buttons = choices.map(([value, text]) => {
      const radioId = `${id}-${value}`;
      return h('label', { for: radioId }, h('input', { id: radioId, type: 'radio', name, value }), h('span', {}, text));
    });
    const group = h('fieldset', { class: 'field checks', id }, legend, buttons, error);
    this.register(name, group, error);
    return group;
  }

  /** The value of a field: text, a checkbox's state, the chosen radio's value. */
  value(name) {
    const field = this.fields.get(name);
    if (!field) return undefined;
    const { control } = field;
    if (control.tagName === 'FIELDSET') {
      return control.querySelector('input[type="radio"]:checked')?.value ?? '';
    }
    return control.type === 'checkbox' ? control.checked : control.value;
  }

  /** Sets a field's value (a draft being restored). */
  setValue(name, value) {
    const field = this.fields.get(name);
    if (!field || value === undefined || value === null) return;
    const { control } = field;
    if (control.tagName === 'FIELDSET') {
      for (const radio of control.querySelectorAll('input[type="radio"]')) radio.checked = radio.value === value;
    } else if (control.type === 'checkbox') {
      control.checked = Boolean(value);
    } else if (control.type !== 'file' && !control.readOnly) {
      control.value = String(value);
    }
  }

  /** Shows one field's error (a problem { key, values }, a text, or null to clear it). */
  setError(name, found) {
    const field = this.fields.get(name);
    if (!field) return false;
    const text = found === null || found === undefined ? '' : typeof found === 'string' ? found : t(found.key, found.values);
    field.error.textContent = text;
    const described = [field.hint?.id, text ? field.error.id : null].filter(Boolean).join(' ');
    const group = field.control.tagName === 'FIELDSET';
    // A group is described as a whole; its radio buttons carry the invalid state.
    const invalid = group ? [...field.control.querySelectorAll('input')] : [field.control];
    for (const control of invalid) {
      if (text) control.setAttribute('aria-invalid', 'true'); else control.removeAttribute('aria-invalid');
    }
    if (described) field.control.setAttribute('aria-describedby', described); else field.control.removeAttribute('aria-describedby');
    return true;
  }

  clearErrors() {
    for (const name of this.fields.keys()) this.setError(name, null);
  }

  /** Shows every error of a map field → problem; returns the first control in error (to move the focus there). */
  showErrors(errors) {
    let first = null;
    for (const [name, found] of Object.entries(errors)) {
      if (this.setError(name, found) && !first) {
        const { control } = this.fields.get(name);
        first = control.tagName === 'FIELDSET' ? control.querySelector('input') : control;
      }
    }
    return first;
  }
}
