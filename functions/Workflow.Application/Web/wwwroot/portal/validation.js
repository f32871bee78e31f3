// The submission's rules as the API checks them (SubmissionValidator, TextRules, DocumentRules and the identifier
// checks), so the form can say what is wrong next to each field before anything is sent. The API stays the judge:
// whatever it still refuses is shown as its own problem. Each check returns null or { key, values } for t().

export const MAX_DOCUMENTS = 20;
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 20 * 1024 * 1024;
export const WORK_CARD_MAX_DAYS = 90;
export const MAX_VACANCIES = 20;

/** The document types of DocumentTypes.Known. */
export const DOCUMENT_TYPES = [
  'passport', 'employment-contract', 'worker-information-statement', 'diploma', 'qualification-proof', 'vacancy-evidence',
  'search-dossier', 'minister-shortage-proof', 'business-plan', 'information-response', 'other',
];

/** permit-policy.json requiredDocuments, per category. */
export const REQUIRED_DOCUMENTS = {
  'highly-skilled': ['passport', 'employment-contract', 'worker-information-statement', 'diploma'],
  'medium-skilled-shortage': ['passport', 'employment-contract', 'worker-information-statement', 'qualification-proof'],
  other: ['passport', 'employment-contract', 'worker-information-statement', 'vacancy-evidence', 'search-dossier'],
  seasonal: ['passport', 'employment-contract', 'worker-information-statement', 'vacancy-evidence', 'search-dossier'],
  'minister-of-religion': ['passport', 'employment-contract', 'worker-information-statement', 'minister-shortage-proof'],
  'work-card': ['passport', 'employment-contract', 'worker-information-statement'],
  'professional-card': ['passport', 'business-plan'],
};

export const CATEGORIES = Object.keys(REQUIRED_DOCUMENTS);

/** EU, EEA and Swiss nationals need no work authorisation. */
const FREE_MOVEMENT = new Set(['AUT', 'BEL', 'BGR', 'HRV', 'CYP', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'IRL',
  'ITA', 'LVA', 'LTU', 'LUX', 'MLT', 'NLD', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'ESP', 'SWE', 'ISL', 'LIE', 'NOR', 'CHE']);

/** Accepted content types: extensions and the bytes the content must start with. */
const CONTENT_TYPES = {
  'application/pdf': { extensions: ['.pdf'], magic: [0x25, 0x50, 0x44, 0x46, 0x2D] },
  'image/png': { extensions: ['.png'], magic: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] },
  'image/jpeg': { extensions: ['.jpg', '.jpeg'], magic: [0xFF, 0xD8, 0xFF] },
};

const problem = (key, values = {}) => ({ key, values });

export function isBlank(value) {
  return value === null || value === undefined || String(value).trim() === '';
}

/** A client id (submission, payment, withdrawal): letters, digits, '.', '_', ':', '-'. */
export function clientId(value) {
  if (isBlank(value)) return problem('check.required');
  return /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/.test(value) ? null : problem('check.id');
}

/** KBO enterprise numbers: 10 digits starting with 0 or 1, check digits 97 − (first 8 mod 97). Returns the digits or null. */
export function enterpriseDigits(value) {
  if (isBlank(value) || value.length > 20) return null;
  let text = value.trim();
  if (/^be/i.test(text)) text = text.slice(2);
  const digits = text.replace(/[. -]/g, '');
  if (!/^[0-9]{10}$/.test(digits) || !'01'.includes(digits[0])) return null;
  return 97 - (Number(digits.slice(0, 8)) % 97) === Number(digits.slice(8)) ? digits : null;
}

export function enterpriseNumber(value, required = true) {
  if (isBlank(value)) return required ? problem('check.required') : null;
  return enterpriseDigits(value) ? null : problem('check.kbo');
}

/** INSZ and BIS numbers: YYMMDD SSS CC, CC = 97 − (first 9 mod 97), with a 2 before them for births from 2000. */
export function personNumber(value) {
  if (isBlank(value) || value.length > 20) return { valid: false, error: 'digits' };
  const digits = value.replace(/[.\- ]/g, '');
  if (!/^[0-9]{11}$/.test(digits)) return { valid: false, error: 'digits' };
  const firstNine = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  let century;
  if (97 - (firstNine % 97) === check) century = 1900;
  else if (97 - ((2000000000 + firstNine) % 97) === check) century = 2000;
  else return { valid: false, error: 'check' };
  const year = century + Number(digits.slice(0, 2));
  let month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  const sequence = Number(digits.slice(6, 9));
  let kind = 'insz';
  if (month >= 40) { kind = 'bis'; month -= 40; } else if (month >= 20) { kind = 'bis'; month -= 20; }
  if (month > 12 || day > 31 || sequence === 0 || sequence > 998) return { valid: false, error: 'range' };
  let birthDate = null;
  if (month > 0 && day > 0) {
    if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return { valid: false, error: 'range' };
    birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return { valid: true, kind, birthDate };
}

/** The field error of an INSZ (expected "insz") or BIS (expected "bis") number, or null. */
export function personNumberProblem(value, expected) {
  if (isBlank(value)) return problem('check.required');
  const result = personNumber(value);
  if (!result.valid) return problem(`check.${expected}.${result.error}`);
  if (result.kind !== expected) return problem(expected === 'insz' ? 'check.insz.isBis' : 'check.bis.isInsz');
  return null;
}

/** A person's name: letters of any script, combining marks, spaces, apostrophes, hyphens and periods; at most 100. */
export function personName(value) {
  if (isBlank(value)) return problem('check.required');
  const text = value.normalize('NFC');
  if (text.length > 100) return problem('check.length', { max: 100 });
  return /^[\p{L}\p{Mn}\p{Mc} '\u2019.-]*$/u.test(text) ? null : problem('check.name');
}

/** Free text: bounded, no markup, no control or invisible characters (line breaks and tabs allowed). */
export function freeText(value, max, required = true) {
  if (isBlank(value)) return required ? problem('check.required') : null;
  if (value.length > max) return problem('check.length', { max });
  if (/[<>]/.test(value)) return problem('check.markup');
  for (const character of value) {
    if ('\n\r\t'.includes(character)) continue;
    if (/[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Cn}\p{Zl}\p{Zp}]/u.test(character)) return problem('check.invisible');
  }
  return null;
}

export function email(value, required = true) {
  if (isBlank(value)) return required ? problem('check.required') : null;
  const plain = value.length <= 254 && [...value].every(c => c > ' ' && c < '\u007f' && !'<>"(),;'.includes(c));
  return plain && /^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/.test(value) ? null : problem('check.email');
}

export function passportNumber(value) {
  if (isBlank(value)) return problem('check.required');
  return /^[A-Z0-9]{5,20}$/.test(value.trim().toUpperCase()) ? null : problem('check.passport');
}

export function nationality(value, required) {
  if (isBlank(value)) return required ? problem('check.required') : null;
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) return problem('check.nationality');
  return FREE_MOVEMENT.has(code) ? problem('check.freeMovement') : null;
}

export function vksLevel(value, required = true) {
  if (isBlank(value)) return required ? problem('check.required') : null;
  const level = Number(value);
  return Number.isInteger(level) && level >= 1 && level <= 8 ? null : problem('check.vks');
}

export function salary(value) {
  if (isBlank(value)) return problem('check.required');
  const amount = Number(value);
  return Number.isFinite(amount) && amount > 0 && amount <= 10000000 ? null : problem('check.salary');
}

export function occupationCode(value) {
  if (isBlank(value)) return problem('check.required');
  return /^[a-z][a-z0-9-]{1,63}$/.test(value) ? null : problem('check.occupation');
}

/** Today in Brussels, as YYYY-MM-DD (the API judges dates by the Belgian calendar). */
export function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function isDate(value) {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value ?? '')) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A date a number of years away, as .NET's DateOnly.AddYears counts (29 February becomes 28 February). */
export function addYears(date, years) {
  const [y, m, d] = date.split('-').map(Number);
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Days from a to b (both YYYY-MM-DD). */
export function daysBetween(a, b) {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
}

export function date(value, required = true) {
  if (isBlank(value)) return required ? problem('check.required') : null;
  return isDate(value) ? null : problem('check.date');
}

/** A worker is between 15 and 100 years old. */
export function age(birthDate, now = today()) {
  return birthDate > addYears(now, -15) || birthDate < addYears(now, -100) ? problem('check.age') : null;
}

/** The content type the API will expect of a file, by its extension; null when not accepted. */
export function contentTypeOf(fileName) {
  const lower = fileName.toLowerCase();
  return Object.keys(CONTENT_TYPES).find(type => CONTENT_TYPES[type].extensions.some(e => lower.endsWith(e))) ?? null;
}

/** A file name as the API accepts it: plain, no path or traversal, an extension of an accepted type. */
export function fileName(name) {
  if (name.length > 120) return problem('check.fileNameLength');
  if (/[/\\:*?"<>|]/.test(name)) return problem('check.fileNameCharacters');
  if (name.includes('..') || name.startsWith('.')) return problem('check.fileNameDots');
  if (/[\p{Cc}\p{Cf}]/u.test(name) || name.trim() !== name) return problem('check.fileNameInvisible');
  return contentTypeOf(name) ? null : problem('check.fileType');
}

/**
 * Checks a chosen file before anything is read whole: name, type, size, and its first bytes against its type.
 * Resolves to null or a problem.
 */
export async function file(chosen) {
  const name = fileName(chosen.name);
  if (name) return name;
  if (chosen.size === 0) return problem('check.fileEmpty');
  if (chosen.size > MAX_DOCUMENT_BYTES) return problem('check.fileTooLarge', { mib: MAX_DOCUMENT_BYTES / 1048576 });
  const type = contentTypeOf(chosen.name);
  const head = new Uint8Array(await chosen.slice(0, 8).arrayBuffer());
  const magic = CONTENT_TYPES[type].magic;
  return magic.every((byte, i) => head[i] === byte) ? null : problem('check.fileContent', { type: type.split('/')[1].toUpperCase() });
}

/** The set of files together: how many and how large. */
export function files(chosen) {
  if (chosen.length > MAX_DOCUMENTS) return problem('check.filesCount', { max: MAX_DOCUMENTS });
  const total = chosen.reduce((sum, f) => sum + f.size, 0);
  return total > MAX_TOTAL_BYTES ? problem('check.filesTotal', { mib: MAX_TOTAL_BYTES / 1048576 }) : null;
}

/** A file as the API's document: type, file name, content type and the content in base64 (read only now). */
export async function documentOf(type, chosen) {
  const bytes = new Uint8Array(await chosen.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return { type, fileName: chosen.name, contentType: contentTypeOf(chosen.name), contentBase64: btoa(binary) };
}

/** Whether the category is filed by the self-employed person (professional card) rather than an employer. */
export function isSelfEmployed(category) {
  return category === 'professional-card';
}

/** Whether the category needs the labour-market test (§2.3). */
export function needsLabourMarketTest(category) {
  return category === 'other' || category === 'seasonal';
}

/**
 * The form's values checked as SubmissionValidator checks the request: a map of field (the API's JSON path) to
 * problem. Values are keyed by those paths; "worker.identification" says which of INSZ, BIS or passport identifies
 * the worker, so exactly one of them is sent.
 */
export function validateApplication(values, now = today()) {
  const errors = {};
  const add = (field, found) => { if (found && !errors[field]) errors[field] = found; };
  const v = name => values[name];
  const category = v('category');
  if (!CATEGORIES.includes(category)) {
    add('category', problem('check.required'));
    return errors;
  }

  if (isSelfEmployed(category)) {
    add('selfEmployed.reference', clientId(v('selfEmployed.reference')));
    add('selfEmployed.kbo', enterpriseNumber(v('selfEmployed.kbo'), false));
    add('selfEmployed.contactEmail', email(v('selfEmployed.contactEmail')));
  } else {
    add('employer.kbo', enterpriseNumber(v('employer.kbo')));
    add('employer.name', freeText(v('employer.name'), 200));
    add('employer.contactEmail', email(v('employer.contactEmail')));
  }

  add('worker.givenName', personName(v('worker.givenName')));
  add('worker.familyName', personName(v('worker.familyName')));
  add('worker.contactEmail', email(v('worker.contactEmail'), false));
  const identification = v('worker.identification');
  let encodedBirthDate = null;
  if (identification === 'insz' || identification === 'bis') {
    const field = `worker.${identification}`;
    const found = personNumberProblem(v(field), identification);
    add(field, found);
    if (!found) encodedBirthDate = personNumber(v(field)).birthDate;
  } else if (identification === 'passport') {
    add('worker.passportNumber', passportNumber(v('worker.passportNumber')));
  } else {
    add('worker.identification', problem('check.identification'));
  }

  const passport = identification === 'passport';
  add('worker.nationality', nationality(v('worker.nationality'), passport));
  add('worker.birthDate', date(v('worker.birthDate'), passport));
  const givenBirthDate = isDate(v('worker.birthDate')) ? v('worker.birthDate') : null;
  if (givenBirthDate && encodedBirthDate && givenBirthDate !== encodedBirthDate) {
    add('worker.birthDate', problem('check.birthDateMismatch'));
  }
  const born = givenBirthDate ?? encodedBirthDate;
  if (born) {
    add(givenBirthDate ? 'worker.birthDate' : `worker.${identification}`, age(born, now));
  }
  add('worker.qualificationVksLevel', vksLevel(v('worker.qualificationVksLevel'), false));

  add('job.title', freeText(v('job.title'), 200));
  add('job.vksLevel', vksLevel(v('job.vksLevel')));
  add('job.grossAnnualSalary', salary(v('job.grossAnnualSalary')));
  const start = v('job.startDate');
  const end = v('job.endDate');
  add('job.startDate', date(start));
  if (isDate(start) && (start < addYears(now, -1) || start > addYears(now, 2))) add('job.startDate', problem('check.startDate'));
  add('job.endDate', date(end, category === 'work-card'));
  if (isDate(start) && isDate(end)) {
    if (end < start) add('job.endDate', problem('check.endBeforeStart'));
    else if (category === 'work-card' && daysBetween(start, end) + 1 > WORK_CARD_MAX_DAYS) add('job.endDate', problem('check.workCardDays', { days: WORK_CARD_MAX_DAYS }));
  }
  if (category === 'medium-skilled-shortage') add('job.occupationCode', occupationCode(v('job.occupationCode')));

  if (needsLabourMarketTest(category)) {
    const vacancies = v('labourMarketTest.vacancies') ?? [];
    if (vacancies.length > MAX_VACANCIES) add('labourMarketTest.vacancies', problem('check.vacancies', { max: MAX_VACANCIES }));
    vacancies.forEach((vacancy, i) => {
      const field = `labourMarketTest.vacancies[${i}]`;
      add(`${field}.site`, ['vdab', 'eures'].includes(vacancy.site) ? null : problem('check.required'));
      add(`${field}.from`, date(vacancy.from));
      add(`${field}.to`, date(vacancy.to));
      if (isDate(vacancy.from) && isDate(vacancy.to)) {
        if (vacancy.to < vacancy.from) add(`${field}.to`, problem('check.vacancyTo'));
        else if (vacancy.to > now || vacancy.from < addYears(now, -2)) add(`${field}.from`, problem('check.vacancyWindow'));
      }
    });
  }
  return errors;
}

/** The request POST /api/applications expects, from the form's values: blanks left out, exactly one identification. */
export function requestOf(values, submissionId, documents) {
  const trimmed = name => (isBlank(values[name]) ? undefined : String(values[name]).trim());
  const numeric = name => (isBlank(values[name]) ? undefined : Number(values[name]));
  const category = values.category;
  const identification = values['worker.identification'];
  const request = { submissionId, category };
  if (isSelfEmployed(category)) {
    request.selfEmployed = { reference: trimmed('selfEmployed.reference'), kbo: trimmed('selfEmployed.kbo'), contactEmail: trimmed('selfEmployed.contactEmail') };
  } else {
    request.employer = { kbo: trimmed('employer.kbo'), name: trimmed('employer.name'), contactEmail: trimmed('employer.contactEmail') };
  }
  request.worker = {
    givenName: trimmed('worker.givenName'),
    familyName: trimmed('worker.familyName'),
    insz: identification === 'insz' ? trimmed('worker.insz') : undefined,
    bis: identification === 'bis' ? trimmed('worker.bis') : undefined,
    passportNumber: identification === 'passport' ? trimmed('worker.passportNumber')?.toUpperCase() : undefined,
    nationality: trimmed('worker.nationality')?.toUpperCase(),
    birthDate: trimmed('worker.birthDate'),
    contactEmail: trimmed('worker.contactEmail'),
    qualificationVksLevel: numeric('worker.qualificationVksLevel'),
    nurseAwaitingRecognition: values['worker.nurseAwaitingRecognition'] ? true : undefined,
    integrationTestPassed: category === 'minister-of-religion' ? Boolean(values['worker.integrationTestPassed']) : undefined,
  };
  request.job = {
    title: trimmed('job.title'),
    vksLevel: numeric('job.vksLevel'),
    grossAnnualSalary: numeric('job.grossAnnualSalary'),
    startDate: trimmed('job.startDate'),
    endDate: trimmed('job.endDate'),
    occupationCode: category === 'medium-skilled-shortage' ? trimmed('job.occupationCode') : undefined,
    careFunction: values['job.careFunction'] ? true : undefined,
  };
  if (needsLabourMarketTest(category)) {
    request.labourMarketTest = { vacancies: (values['labourMarketTest.vacancies'] ?? []).map(v => ({ site: v.site, from: v.from, to: v.to })) };
  }
  request.documents = documents;
  return request;
}
