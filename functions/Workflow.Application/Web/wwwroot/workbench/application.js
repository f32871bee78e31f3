// An application's page: the summary, the SLA clock, the federal leg, the decision, the one-view in sections, the
// timeline with who did what, and every command with its fate; the actions beside it (actions.js).
import {
  api, download, h, show, t, label, badge, table, facts, notice, problemBox,
  formatDate, formatDateTime, formatMoney, formatDays,
} from '/ui/app.js';
import { newScreen, segment, person, daysLeft, english } from './common.js';
import { renderActions } from './actions.js';
import { documentsSection } from './documents.js';

const DAY = 86_400_000;

/** Everything the page shows, read from the API: the status, its commands and assignment, the one-view, the documents. */
async function read(id, me, withOverview) {
  const base = `/api/applications/${segment(id)}`;
  const [application, commands, assignment, overview, documents] = await Promise.all([
    api('GET', base),
    api('GET', `${base}/commands`),
    api('GET', `${base}/assignment`),
    withOverview ? api('GET', `${base}/overview`) : null,
    withOverview ? api('GET', `${base}/documents`) : null,
  ]);
  return {
    application: application.data,
    commands: commands.data,
    assignment: assignment.data,
    overview: overview?.data,
    documents: documents?.data,
  };
}

let grounds = null;
let caseworkers = null;

export async function renderApplication(main, me, id) {
  const stillShown = newScreen();
  const heading = h('h1', {}, t('app.title', { id }));
  show(main, h('p', { class: 'breadcrumb' }, h('a', { href: '#/' }, `← ${t('app.back')}`)), heading, h('p', { class: 'muted' }, t('common.loading')));

  let data;
  try {
    [data, grounds, caseworkers] = await Promise.all([
      read(id, me, true),
      grounds ?? api('GET', '/api/decision-grounds').then(r => r.data),
      me.roles.includes('manager') ? api('GET', '/api/caseworkers').then(r => r.data) : null,
    ]);
  } catch (error) {
    if (stillShown()) {
      show(main, h('p', { class: 'breadcrumb' }, h('a', { href: '#/' }, `← ${t('app.back')}`)), heading, problemBox(error));
    }
    return;
  }
  if (!stillShown()) {
    return;
  }

  const content = h('div', { class: 'wb-content' });
  const aside = h('aside', { class: 'wb-actions', 'aria-labelledby': 'actions-heading' });
  show(main,
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/' }, `← ${t('app.back')}`)),
    heading,
    h('div', { class: 'wb-layout' }, content, aside));

  const page = {
    id,
    me,
    grounds,
    caseworkers,
    data,
    stillShown,
    /**
     * After a command the workflow accepted: waits (a while at most) until the timeline shows the step it made, since
     * the workflow records the command's fate before the case and its timeline, then redraws.
     */
    async refreshWhen(step, withOverview) {
      for (let attempt = 0; attempt < 40 && stillShown(); attempt++) {
        try {
          const view = (await api('GET', `/api/applications/${segment(id)}`)).data;
          if (view.timeline.some(entry => !entry.event.endsWith('-received') && step(entry))) {
            break;
          }
        } catch {
          break; // refresh shows the problem
        }
        await new Promise(resolve => { setTimeout(resolve, 500); });
      }
      await page.refresh(withOverview);
    },
    /** Reads the application again (the one-view too when asked) and redraws; the forms keep what was typed. */
    async refresh(withOverview) {
      try {
        const fresh = await read(id, me, withOverview);
        if (!stillShown()) {
          return;
        }
        page.data = { ...fresh, overview: fresh.overview ?? page.data.overview, documents: fresh.documents ?? page.data.documents };
        if (me.roles.includes('manager')) {
          page.caseworkers = (await api('GET', '/api/caseworkers')).data;
        }
        drawContent();
        actions.update(page);
      } catch (error) {
        if (stillShown()) {
          show(refreshProblem, problemBox(error));
        }
      }
    },
  };

  const refreshProblem = h('div', {});
  const drawContent = () => show(content, refreshProblem, ...sections(page));
  drawContent();
  const actions = renderActions(aside, page);
}

function sections(page) {
  const { application, overview, commands, assignment, documents } = page.data;
  return [
    summary(application, assignment, page),
    slaClock(application),
    federalLeg(application.federalLeg),
    decision(application, commands),
    applicationAsFiled(overview),
    documentsSection(documents),
    authenticSources(overview),
    admissibility(overview),
    rules(overview),
    fraudSignals(overview),
    thirdParties(overview),
    timeline(application.timeline),
    commandList(commands),
  ];
}

function section(key, ...children) {
  return h('section', { class: 'wb-section', 'aria-labelledby': `h-${key}` }, h('h2', { id: `h-${key}` }, t(`app.section.${key}`)), ...children);
}

/** Policy days between two instants on the application's clock. */
function daysBetween(from, to) {
  return (Date.parse(to) - Date.parse(from)) / DAY;
}

function assignmentActions(assignment, page) {
  const { me } = page;
  const box = h('div', { 'aria-live': 'polite' });
  if (page.assignmentNotice) {
    show(box, page.assignmentNotice);
    page.assignmentNotice = null;
  }
  const act = async action => {
    try {
      const { data } = await api('POST', `/api/applications/${segment(page.id)}/assignment/${action}`, {});
      const key = action === 'claim'
        ? (data.repeated ? 'assignment.claimedAlready' : 'assignment.claimed')
        : (data.repeated ? 'assignment.releasedAlready' : 'assignment.released');
      page.assignmentNotice = notice('success', t(key, { id: page.id }));
      await page.refresh(false);
    } catch (error) {
      show(box, problemBox(error));
    }
  };
  const holder = assignment.assignee;
  const buttons = [];
  if (!holder) {
    buttons.push(h('button', { type: 'button', class: 'button button-small', onclick: () => act('claim') }, t('assignment.claim')));
  } else if (holder.subject === me.subject || me.roles.includes('manager')) {
    buttons.push(h('button', { type: 'button', class: 'button button-secondary button-small', onclick: () => act('release') }, t('assignment.release')));
  }
  return h('div', {}, buttons.length ? h('div', { class: 'actions' }, buttons) : null, box);
}

/** What the application waits for: a named item, or a missing document by its type. */
function awaited(item) {
  const text = label('awaiting', item);
  return text === item ? t('awaiting.document', { type: label('doc', item) }) : text;
}

function summary(view, assignment, page) {
  const sla = view.sla;
  const left = sla.dueAt ? daysBetween(sla.stoppedAt ?? view.now, sla.dueAt) : null;
  return section('summary',
    facts([
      [t('app.category'), label('category', view.category)],
      [t('app.stage'), badge('stage', view.stage)],
      [t('app.slaState'), h('span', {}, badge('sla', sla.state), ' ', h('span', { class: 'muted' }, label('track', sla.track)))],
      [t('app.dueAt'), formatDate(sla.dueAt)],
      [t('app.daysLeft'), sla.stoppedAt ? t('clock.stopped', { date: formatDateTime(sla.stoppedAt) }) : daysLeft(left)],
      [t('app.submittedAt'), formatDateTime(view.submittedAt)],
      [t('app.assignee'), assignment.assignee
        ? h('span', {}, person(assignment.assignee), h('span', { class: 'muted' }, ` ${t('worklist.since', { date: formatDateTime(assignment.since) })}`))
        : h('span', { class: 'muted' }, t('assignment.nobody'))],
      [t('app.awaiting'), view.awaiting.length ? h('ul', { class: 'plain' }, view.awaiting.map(item => h('li', {}, awaited(item)))) : t('app.awaitingNothing')],
      [t('app.applicantDeadline'), formatDateTime(view.applicantDeadline)],
      [t('app.openInformationRequest'), view.openInformationRequestId ?? '–'],
      [t('app.fee'), view.fee.status === 'not-due' ? label('fee', 'not-due')
        : h('span', {}, label('fee', view.fee.status), ' ', formatMoney(view.fee.amount, view.fee.currency), view.fee.reference ? h('span', { class: 'muted' }, ` ${view.fee.reference}`) : null)],
      [t('app.overallDeadline'), formatDate(view.overallDeadline)],
    ]),
    assignmentActions(assignment, page));
}

/** The SLA clock: a bar from the submission to the due date, the time on the clock filled, the pauses shaded. */
function slaClock(view) {
  const sla = view.sla;
  const stats = facts([
    [t('clock.track'), label('track', sla.track)],
    [t('clock.state'), badge('sla', sla.state)],
    [t('clock.onClock'), sla.dueDays ? t('clock.ofDays', { used: formatDays(sla.clockDays), due: formatDays(sla.dueDays) }) : formatDays(sla.clockDays)],
    [t('clock.paused'), formatDays(sla.pausedDays)],
    [t('clock.peak'), sla.inPeakPeriod ? t('common.yes') : t('common.no')],
  ]);
  const pauses = table(t('clock.pausesCaption'), [t('clock.pauseReason'), t('clock.pauseFrom'), t('clock.pauseTo'), t('clock.pauseDays')],
    sla.pauses.map(p => [
      label('pause', p.reason),
      formatDateTime(p.start),
      p.end ? formatDateTime(p.end) : h('strong', {}, t('clock.pauseRunning')),
      formatDays(daysBetween(p.start, p.end ?? sla.stoppedAt ?? view.now)),
    ]),
    t('clock.noPauses'));
  if (!sla.dueAt) {
    return section('sla', notice('info', t('clock.noDueDate')), stats, pauses);
  }

  const start = Date.parse(view.submittedAt);
  const end = Date.parse(sla.dueAt);
  const now = Date.parse(sla.stoppedAt ?? view.now);
  const span = Math.max(end - start, 1);
  const at = instant => Math.min(100, Math.max(0, ((instant - start) / span) * 100));
  const elapsed = h('div', { class: 'sla-elapsed' });
  elapsed.style.width = `${at(now)}%`;
  const shaded = sla.pauses.map(p => {
    const from = at(Date.parse(p.start));
    const to = at(p.end ? Date.parse(p.end) : now);
    const stretch = h('div', { class: 'sla-pause' });
    stretch.style.left = `${from}%`;
    stretch.style.width = `${Math.max(to - from, 0.6)}%`;
    return stretch;
  });
  const bar = h('div', {
    class: 'sla-bar',
    role: 'img',
    'aria-label': t('clock.barLabel', {
      start: formatDate(view.submittedAt), due: formatDate(sla.dueAt), used: formatDays(sla.clockDays), paused: formatDays(sla.pausedDays),
    }),
  }, elapsed, shaded);
  const scale = h('div', { class: 'sla-scale', 'aria-hidden': 'true' },
    h('span', {}, formatDate(view.submittedAt)),
    h('span', {}, formatDate(sla.dueAt)));
  const legend = h('ul', { class: 'sla-legend' },
    h('li', {}, h('span', { class: 'swatch swatch-elapsed', 'aria-hidden': 'true' }), t('clock.legendElapsed')),
    h('li', {}, h('span', { class: 'swatch swatch-paused', 'aria-hidden': 'true' }), t('clock.legendPaused')),
    h('li', {}, h('span', { class: 'swatch swatch-remaining', 'aria-hidden': 'true' }), t('clock.legendRemaining')));
  return section('sla', h('div', { class: 'sla-clock' }, bar, scale, legend), stats, pauses);
}

function federalLeg(leg) {
  if (leg.status === 'not-applicable') {
    return section('federal', h('p', {}, t('federalLeg.none')));
  }
  return section('federal', facts([
    [t('federalLeg.status'), label('federal', leg.status)],
    [t('federalLeg.handoff'), leg.handoffId ? h('code', {}, leg.handoffId) : '–'],
    [t('federalLeg.handedOffAt'), formatDateTime(leg.handedOffAt)],
    [t('federalLeg.answeredAt'), formatDateTime(leg.answeredAt)],
    [t('federalLeg.reasons'), leg.reasonCodes.length ? leg.reasonCodes.join(', ') : '–'],
  ]));
}

/** The caseworker's decision as the commands record it, and the application's outcome once decided. */
function decision(view, commands) {
  const taken = commands.filter(c => c.command.kind === 'decision');
  const parts = [];
  if (view.decision) {
    const d = view.decision;
    parts.push(facts([
      [t('decision.outcome'), badge('outcome', d.outcome)],
      [t('decision.decidedAt'), formatDateTime(d.decidedAt)],
      [t('decision.grounds'), d.grounds.length
        ? h('ul', { class: 'plain' }, d.grounds.map(g => h('li', {}, h('code', {}, g.code), ` (${g.section ?? '–'}) `, english(g.description))))
        : t('decision.noGrounds')],
    ]));
    if (d.letterUrl) {
      const letter = h('div', { 'aria-live': 'polite' });
      parts.push(h('div', { class: 'actions' }, h('button', {
        type: 'button',
        class: 'button button-secondary',
        onclick: async () => {
          try {
            show(letter, h('p', {}, t('decision.letterDownloaded', { name: await download(d.letterUrl) })));
          } catch (error) {
            show(letter, problemBox(error));
          }
        },
      }, t('decision.downloadLetter'))), letter);
    }
  } else {
    parts.push(h('p', {}, t('decision.notYet')));
  }
  if (taken.length) {
    parts.push(table(t('decision.caseworkerCaption'), [t('decision.verdict'), t('decision.grounds'), t('commands.fate'), t('commands.by'), t('commands.received')],
      taken.map(c => [
        label('verdict', c.command.details.verdict),
        c.command.details.grounds || '–',
        h('span', {}, badge('fate', c.command.fate), c.command.reason ? h('span', {}, ' — ', english(c.command.reason)) : null),
        c.actorName ?? c.actorSubject,
        formatDateTime(c.receivedAt),
      ])));
  }
  return section('decision', ...parts);
}

/** A value of the application as filed, in the person's words: yes/no, dates, amounts. */
function value(key, raw) {
  if (raw === null || raw === undefined || raw === '') {
    return '–';
  }
  if (typeof raw === 'boolean') {
    return raw ? t('common.yes') : t('common.no');
  }
  if (key === 'grossAnnualSalary') {
    return formatMoney(raw, 'EUR');
  }
  if (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw)) {
    return formatDate(`${raw}T12:00:00Z`);
  }
  return String(raw);
}

function dataFacts(part, object) {
  return facts(Object.entries(object)
    .filter(([, raw]) => typeof raw !== 'object' || raw === null)
    .map(([key, raw]) => [label(`data.${part}`, key), value(key, raw)]));
}

function applicationAsFiled(overview) {
  const filed = overview.application;
  const parts = [facts([
    [t('data.submissionId'), filed.submissionId],
    [t('app.category'), label('category', filed.category)],
    [t('app.submittedAt'), formatDateTime(filed.submittedAt)],
    [t('data.applicantKey'), filed.applicantKey],
  ])];
  for (const part of ['employer', 'selfEmployed', 'worker', 'job']) {
    if (filed[part]) {
      parts.push(h('h3', {}, t(`data.part.${part}`)), dataFacts(part, filed[part]));
    }
  }
  if (filed.labourMarketTest) {
    parts.push(h('h3', {}, t('data.part.labourMarketTest')), table(t('data.vacancies'), [t('data.vacancy.site'), t('data.vacancy.from'), t('data.vacancy.to')],
      filed.labourMarketTest.vacancies.map(v => [label('site', v.site), value('from', v.from), value('to', v.to)])));
  }
  return section('application', ...parts);
}

function authenticSources(overview) {
  const sources = overview.authenticSources;
  if (!sources) {
    return section('sources', h('p', {}, t('sources.notYet')));
  }
  return section('sources',
    h('p', {}, t('sources.gatheredAt', { date: formatDateTime(sources.gatheredAt) })),
    table(t('sources.caption'), [t('sources.source'), t('sources.subject'), t('sources.field'), t('sources.value'), t('sources.retrievedAt')],
      sources.records.map(r => [
        h('span', { class: 'source-name' }, label('source', r.source)),
        label('subject', r.subject),
        h('code', {}, r.field),
        r.value,
        formatDateTime(r.retrievedAt),
      ])));
}

function admissibility(overview) {
  const found = overview.admissibility;
  if (!found) {
    return section('admissibility', h('p', {}, t('admissibility.notYet')));
  }
  return section('admissibility',
    facts([
      [t('admissibility.date'), value('date', found.submissionDate)],
      [t('admissibility.missing'), found.missingDocuments.length
        ? h('ul', { class: 'plain' }, found.missingDocuments.map(d => h('li', {}, label('doc', d))))
        : t('admissibility.noneMissing')],
      [t('admissibility.correctness'), found.correctnessIssues.length
        ? h('ul', { class: 'plain' }, found.correctnessIssues.map(issue => h('li', {}, english(issue))))
        : t('admissibility.noIssues')],
    ]),
    h('h3', {}, t('admissibility.exclusions')),
    table(t('admissibility.exclusionsCaption'),
      [t('exclusion.party'), t('exclusion.reference'), t('exclusion.from'), t('exclusion.until'), t('exclusion.reason'), t('exclusion.decision'), t('exclusion.id')],
      found.exclusions.map(x => [
        label('party', x.party), x.partyReference, value('from', x.from), value('until', x.until), h('code', {}, x.reasonCode), x.decisionReference, x.exclusionId ?? '–',
      ]),
      t('admissibility.noExclusions')));
}

function rules(overview) {
  const assessment = overview.assessment;
  if (!assessment) {
    return section('rules', h('p', {}, t('rules.notYet')));
  }
  return section('rules',
    h('p', {}, t('rules.assessedAt', { date: formatDateTime(assessment.assessedAt), category: label('category', overview.category) })),
    table(t('rules.caption'), [t('rules.rule'), t('rules.section'), t('rules.outcome'), t('rules.explanation')],
      assessment.rules.map(r => [h('code', {}, r.ruleId), r.section, badge('rule', r.outcome), english(r.explanation)]),
      t('rules.none')),
    h('h3', {}, t('rules.policyEntries')),
    assessment.policyEntries.length ? h('ul', { class: 'plain' }, assessment.policyEntries.map(p => h('li', {}, h('code', {}, p)))) : h('p', {}, '–'));
}

function fraudSignals(overview) {
  const assessment = overview.assessment;
  if (!assessment) {
    return section('signals', h('p', {}, t('rules.notYet')));
  }
  const parts = [table(t('signals.caption'), [t('signals.kind'), t('signals.score'), t('signals.section'), t('signals.ground'), t('signals.explanation')],
    assessment.signals.map(s => [label('signal', s.kind), String(s.score), s.section, h('code', {}, s.supportsGround), english(s.explanation)]),
    t('signals.none'))];
  if (assessment.employer) {
    parts.push(h('h3', {}, t('signals.employerFacts')), dataFacts('employerFacts', assessment.employer));
  }
  return section('signals', ...parts);
}

function thirdParties(overview) {
  return section('thirdParties', table(t('thirdParty.caption'),
    [t('thirdParty.request'), t('thirdParty.kind'), t('thirdParty.authority'), t('thirdParty.document'), t('thirdParty.question'), t('thirdParty.deadline'), t('thirdParty.answer'), t('thirdParty.note')],
    overview.thirdParties.map(tp => {
      const r = tp.request;
      const answer = r.answer
        ? h('span', {}, badge('tpAnswer', r.answer), ' ', h('span', { class: 'muted' }, formatDateTime(r.answeredAt)))
        : r.expired ? t('thirdParty.expired') : t('thirdParty.open');
      return [
        h('code', {}, r.requestId),
        label('tpKind', r.kind),
        label('authority', r.authority),
        r.documentType ? label('doc', r.documentType) : '–',
        tp.question ?? '–',
        formatDateTime(r.deadline),
        h('span', {}, answer, tp.supportsGround ? h('span', {}, ' ', t('thirdParty.supports', { ground: tp.supportsGround })) : null),
        tp.answerNote ?? '–',
      ];
    }),
    t('thirdParty.none')));
}

function details(entry) {
  const pairs = Object.entries(entry.details ?? {}).filter(([, v]) => v !== '');
  return pairs.length ? h('span', { class: 'details' }, pairs.map(([k, v]) => h('span', {}, h('code', {}, k), ` ${v}`))) : '';
}

function timeline(entries) {
  return section('timeline', table(t('timeline.caption'), [t('timeline.at'), t('timeline.event'), t('timeline.actor'), t('timeline.by'), t('timeline.details')],
    [...entries].reverse().map(e => [
      formatDateTime(e.at),
      label('event', e.event),
      label('role', e.actor),
      e.byName ?? e.by ?? '–',
      details(e),
    ])));
}

function commandList(commands) {
  return section('commands', table(t('commands.caption'),
    [t('commands.kind'), t('commands.id'), t('commands.fate'), t('commands.by'), t('commands.received'), t('commands.settled'), t('commands.repeats')],
    commands.map(c => [
      label('kind', c.command.kind),
      h('code', {}, c.command.commandId),
      h('span', {}, badge('fate', c.command.fate), c.command.reason ? h('span', {}, ' — ', english(c.command.reason)) : null),
      h('span', {}, c.actorName ?? c.actorSubject, h('span', { class: 'muted' }, ` (${label('role', c.actorRole)})`)),
      formatDateTime(c.receivedAt),
      formatDateTime(c.settledAt),
      String(c.repeats),
    ]),
    t('commands.none')));
}

