// Drafts of applications, kept in this browser only (localStorage), per applicant, without document contents. Each
// draft carries the submission id made for it once, so submitting it twice repeats the submission instead of filing a
// second application; a draft goes once the API has taken it.
import { newId } from '/ui/app.js';

const PREFIX = 'permit-portal-drafts:';

function key(applicant) {
  return PREFIX + applicant;
}

function read(applicant) {
  try {
    const drafts = JSON.parse(localStorage.getItem(key(applicant)) ?? '[]');
    return Array.isArray(drafts) ? drafts.filter(d => d && typeof d.id === 'string' && d.values && typeof d.values === 'object') : [];
  } catch {
    return [];
  }
}

function write(applicant, drafts) {
  localStorage.setItem(key(applicant), JSON.stringify(drafts));
}

/** The applicant's drafts, the last saved first. */
export function listDrafts(applicant) {
  return read(applicant).sort((a, b) => (b.savedAt ?? '').localeCompare(a.savedAt ?? ''));
}

export function findDraft(applicant, id) {
  return read(applicant).find(d => d.id === id) ?? null;
}

/** A new draft with its own submission id (not saved until something is typed). */
export function newDraft() {
  return { id: newId('DRAFT'), submissionId: newId('SUB'), savedAt: null, values: {} };
}

/** Saves the draft's values (never file contents: the form gives only its fields' values). */
export function saveDraft(applicant, draft) {
  const drafts = read(applicant).filter(d => d.id !== draft.id);
  draft.savedAt = new Date().toISOString();
  drafts.push({ id: draft.id, submissionId: draft.submissionId, savedAt: draft.savedAt, values: draft.values });
  write(applicant, drafts);
}

export function deleteDraft(applicant, id) {
  write(applicant, read(applicant).filter(d => d.id !== id));
}
