// The portal's words for the API's codes: awaited items, document types, timeline events and their details.
import { t, label, formatDate, formatMoney } from '/ui/app.js';
import { DOCUMENT_TYPES } from './validation.js';

/** A document type's name ("diploma" → "Diploma"). */
export function documentLabel(type) {
  return label('doc', type);
}

/** What an awaited item is: a document type, the fee, or the answer to an information request. */
export function awaitedLabel(item) {
  return DOCUMENT_TYPES.includes(item) && item !== 'information-response' ? documentLabel(item) : label('awaited', item);
}

/** An awaited item with its deadline. */
export function awaitedText(awaited) {
  return awaited.dueBy
    ? t('awaited.by', { item: awaitedLabel(awaited.item), date: formatDate(awaited.dueBy) })
    : awaitedLabel(awaited.item);
}

/** The details of a timeline entry the applicant may see, in words. */
export function eventDetails(entry) {
  const details = entry.details ?? {};
  const parts = [];
  const list = value => String(value).split(',').filter(Boolean);
  if (details.types) parts.push(list(details.types).map(documentLabel).join(', '));
  if (details.items) parts.push(list(details.items).map(awaitedLabel).join(', '));
  if (details.documents) parts.push(list(details.documents).map(d => documentLabel(d.split(':')[0])).join(', '));
  if (details.amount) parts.push(formatMoney(Number(details.amount), details.currency));
  else if (details.amountCents) parts.push(formatMoney(Number(details.amountCents) / 100, 'EUR'));
  if (details.paymentId) parts.push(t('event.payment', { id: details.paymentId }));
  if (details.reference) parts.push(t('event.reference', { reference: details.reference }));
  if (details.requestId) parts.push(t('event.request', { id: details.requestId }));
  if (details.deadlineDays) parts.push(t('event.deadlineDays', { days: details.deadlineDays }));
  if (details.sections) parts.push(details.sections);
  if (details.reason) parts.push(t('event.reason', { reason: details.reason }));
  return parts.join(' · ');
}
