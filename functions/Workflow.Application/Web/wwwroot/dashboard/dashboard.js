// The managers' dashboard: what is open now and how it stands against its due date, the KPIs per month and track
// against their targets, and the evaluation of §2.10. Every figure comes from the API; every chart has its table.
import { start, h, show, api, t, label, problemBox, formatDate, formatDateTime, formatDays } from '/ui/app.js';
import { dataTable, barChart, formatShare } from './widgets.js';

const workbenchLink = item => h('a', { href: item.workbenchUrl }, item.applicationId);
const days = value => (value === null || value === undefined ? '–' : formatDays(value));

start('dashboard', ['manager', 'caseworker'], async (main, me) => {
  if (!me.roles.includes('manager')) {
    await ownWork(main);
    return;
  }
  let months = { from: '', to: '' };
  const draw = async () => {
    show(main, h('h1', {}, t('dashboard.title')), h('p', { 'aria-live': 'polite' }, t('common.loading')));
    let now; let kpis; let caseworkers; let alerts; let peaks;
    const range = months.from && months.to ? `?from=${encodeURIComponent(months.from)}&to=${encodeURIComponent(months.to)}` : '';
    try {
      [now, kpis, caseworkers, alerts, peaks] = await Promise.all([
        api('GET', '/api/dashboard/now'),
        api('GET', `/api/dashboard/kpis${range}`),
        api('GET', '/api/caseworkers'),
        api('GET', '/api/alerts?pageSize=10'),
        api('GET', '/api/sla/peak-periods'),
      ]).then(answers => answers.map(answer => answer.data));
    } catch (error) {
      show(main, h('h1', {}, t('dashboard.title')), problemBox(error),
        h('p', {}, h('button', { type: 'button', class: 'button button-secondary', onclick: () => { months = { from: '', to: '' }; draw(); } }, t('range.clear'))));
      return;
    }
    const rangeForm = monthRangeForm(months, chosen => { months = chosen; draw(); });
    show(main,
      h('h1', {}, t('dashboard.title')),
      h('p', {}, t('dashboard.intro')),
      h('p', { class: 'dash-asof' }, t('dashboard.asOf', { time: formatDateTime(now.asOf) }), ' ',
        h('button', { type: 'button', class: 'button button-secondary', onclick: draw }, t('dashboard.refresh'))),
      h('nav', { 'aria-label': t('dashboard.sections') },
        h('ul', { class: 'dash-nav' },
          h('li', {}, h('a', { href: '#now' }, t('now.title'))),
          h('li', {}, h('a', { href: '#kpis' }, t('kpi.title'))),
          h('li', {}, h('a', { href: '#evaluation' }, t('eval.title'))))),
      nowSection(now, caseworkers, alerts, peaks),
      kpiSection(kpis, rangeForm),
      evaluationSection(kpis.evaluation));
  };
  await draw();
});

/** A caseworker's own work: the open applications assigned to them, as the managers see the whole service. */
async function ownWork(main) {
  show(main, h('h1', {}, t('mine.title')), h('p', { 'aria-live': 'polite' }, t('common.loading')));
  let mine;
  try {
    mine = (await api('GET', '/api/dashboard/mine')).data;
  } catch (error) {
    show(main, h('h1', {}, t('mine.title')), problemBox(error));
    return;
  }
  const caseColumns = [t('now.application'), t('now.category'), t('now.track'), t('now.stage'), t('now.sla'), t('now.due'), t('now.daysLeft')];
  const caseRow = item => [workbenchLink(item), label('category', item.category), label('kpiTrack', item.track), label('stage', item.stage), label('sla', item.slaState), formatDate(item.dueAt), days(item.daysLeft)];
  show(main,
    h('h1', {}, t('mine.title')),
    h('p', {}, t('mine.intro'), ' ', h('a', { href: '/workbench/#/worklist/mine' }, t('mine.worklist'))),
    h('p', { class: 'dash-asof' }, t('dashboard.asOf', { time: formatDateTime(mine.asOf) }), ' ',
      h('button', { type: 'button', class: 'button button-secondary', onclick: () => ownWork(main) }, t('dashboard.refresh'))),
    h('p', { class: 'dash-figure' }, h('span', { class: 'dash-figure-value', id: 'open-total' }, String(mine.openApplications)), ' ', t('mine.open')),
    dataTable('open-by-stage', t('now.byStage'), [t('now.stage'), t('now.sla'), t('now.count')],
      mine.open.map(o => [label('stage', o.stage), label('sla', o.slaState), String(o.count)]), t('mine.empty')),
    h('h2', {}, t('now.atRisk')),
    dataTable('at-risk', t('now.atRisk'), caseColumns, mine.atRisk.map(caseRow), t('now.atRiskEmpty')),
    h('h2', {}, t('now.breached')),
    dataTable('breached', t('now.breached'), caseColumns, mine.breached.map(caseRow), t('now.breachedEmpty')));
}

/** The months the KPIs cover: two month fields; both empty shows every month. */
function monthRangeForm(months, apply) {
  const from = h('input', { type: 'month', id: 'range-from', name: 'from', value: months.from, placeholder: 'yyyy-mm' });
  const to = h('input', { type: 'month', id: 'range-to', name: 'to', value: months.to, placeholder: 'yyyy-mm' });
  return h('form', {
    class: 'dash-range',
    onsubmit: event => { event.preventDefault(); apply({ from: from.value, to: to.value }); },
  },
  h('fieldset', {},
    h('legend', {}, t('range.legend')),
    h('label', { for: 'range-from' }, t('range.from')), from,
    h('label', { for: 'range-to' }, t('range.to')), to,
    h('button', { type: 'submit', class: 'button' }, t('range.apply')),
    h('button', { type: 'button', class: 'button button-secondary', onclick: () => apply({ from: '', to: '' }) }, t('range.clear'))));
}

function nowSection(now, caseworkers, alerts, peaks) {
  const stages = [...new Set(now.open.map(o => o.stage))];
  const states = [...new Set(now.open.map(o => o.slaState))];
  const caseColumns = [t('now.application'), t('now.category'), t('now.track'), t('now.stage'), t('now.sla'), t('now.due'), t('now.daysLeft')];
  const caseRow = item => [workbenchLink(item), label('category', item.category), label('kpiTrack', item.track), label('stage', item.stage), label('sla', item.slaState), formatDate(item.dueAt), days(item.daysLeft)];
  return h('section', { id: 'now', class: 'dash-section', 'aria-labelledby': 'now-title' },
    h('h2', { id: 'now-title' }, t('now.title')),
    h('p', { class: 'dash-figure' }, h('span', { class: 'dash-figure-value', id: 'open-total' }, String(now.openApplications)), ' ', t('now.open')),
    barChart(t('now.byStage'), stages.map(s => label('stage', s)),
      states.map(state => ({ label: label('sla', state), data: stages.map(stage => now.open.find(o => o.stage === stage && o.slaState === state)?.count ?? 0) })),
      { stacked: true }),
    dataTable('open-by-stage', t('now.byStage'), [t('now.stage'), t('now.sla'), t('now.count')],
      now.open.map(o => [label('stage', o.stage), label('sla', o.slaState), String(o.count)])),
    h('h3', {}, t('now.atRisk')),
    dataTable('at-risk', t('now.atRisk'), caseColumns, now.atRisk.map(caseRow), t('now.atRiskEmpty')),
    h('h3', {}, t('now.breached')),
    dataTable('breached', t('now.breached'), caseColumns, now.breached.map(caseRow), t('now.breachedEmpty')),
    h('h3', {}, t('now.federal')),
    dataTable('federal-handoffs', t('now.federal'), [t('now.application'), t('now.federalStatus'), t('now.handedOff'), t('now.age')],
      now.federalHandoffs.map(f => [workbenchLink(f), label('federal', f.status), formatDate(f.handedOffAt), days(f.ageDays)]), t('now.federalEmpty')),
    h('h3', {}, t('now.caseworkers')),
    h('p', {}, t('now.unassigned', { count: caseworkers.unassigned })),
    dataTable('caseworkers', t('now.caseworkers'), [t('now.caseworker'), t('now.worklist')],
      caseworkers.caseworkers.map(c => [c.name ? `${c.name} (${c.subject})` : c.subject, String(c.openWorklist)]), t('now.caseworkersEmpty')),
    h('h3', {}, t('now.alerts')),
    dataTable('alerts', t('now.alerts'), [t('now.application'), t('now.milestone'), t('now.audience'), t('now.raised'), t('now.delivered'), t('now.deliveries')],
      alerts.items.map(a => [
        h('a', { href: `/workbench/#/applications/${encodeURIComponent(a.alert.applicationId)}` }, a.alert.applicationId),
        label('milestone', a.alert.milestone), label('audience', a.alert.audience),
        formatDateTime(a.alert.raisedAt), formatDateTime(a.deliveredAt), String(a.deliveries)]), t('now.alertsEmpty')),
    h('h3', {}, t('now.peaks')),
    dataTable('peak-periods', t('now.peaks'), [t('now.from'), t('now.to'), t('now.label')],
      peaks.periods.map(p => [formatDate(p.from), formatDate(p.to), p.label ?? '–']), t('now.peaksEmpty')));
}

function kpiSection(kpis, rangeForm) {
  const target = track => kpis.targets.find(x => x.track === track)?.days ?? '–';
  const months = [...new Set(kpis.months.map(m => m.month))];
  const tracks = [...new Set(kpis.months.map(m => m.track))];
  const leadSeries = tracks.flatMap(track => ['leadTimeP50', 'leadTimeP90'].map(measure => ({
    label: `${measure === 'leadTimeP50' ? 'p50' : 'p90'} – ${label('kpiTrack', track)}`,
    data: months.map(month => kpis.months.find(m => m.month === month && m.track === track)?.[measure] ?? null),
  })));
  const volumeMonths = [...new Set(kpis.volumes.map(v => v.month))];
  const categories = [...new Set(kpis.volumes.map(v => v.category))];
  const yesNo = value => (value === null || value === undefined ? '–' : t(value ? 'dashboard.yes' : 'dashboard.no'));
  return h('section', { id: 'kpis', class: 'dash-section', 'aria-labelledby': 'kpis-title' },
    h('h2', { id: 'kpis-title' }, t('kpi.title')),
    rangeForm,
    h('p', { id: 'range-shown' }, kpis.range ? t('range.shown', { from: kpis.range.from, to: kpis.range.to }) : t('range.all')),
    h('p', {}, t('kpi.targets', { fast: target('fast-lane'), standard: target('standard'), peak: target('standard-peak') })),
    h('p', { class: 'muted' }, t('kpi.leadTimeNote')),
    barChart(t('kpi.leadTimeChart'), months, leadSeries),
    dataTable('kpis-table', t('kpi.table'),
      [t('kpi.month'), t('kpi.track'), t('kpi.decided'), t('kpi.p50'), t('kpi.p90'), t('kpi.average'), t('kpi.max'), t('kpi.target'), t('kpi.targetMet'),
        t('kpi.compliance'), t('kpi.pauses'), t('kpi.pauseDays'), t('kpi.admissibility'), t('kpi.federalDays'),
        t('kpi.granted'), t('kpi.refused'), t('kpi.inadmissible'), t('kpi.withdrawn')],
      kpis.months.map(m => [m.month, label('kpiTrack', m.track), String(m.decided), days(m.leadTimeP50), days(m.leadTimeP90), days(m.leadTimeAverage), days(m.leadTimeMax),
        days(m.targetDays), yesNo(m.targetMet), formatShare(m.compliance), String(m.pauses), days(m.pauseDaysAverage), days(m.admissibilityDaysAverage), days(m.federalDaysAverage),
        String(m.granted), String(m.refused), String(m.inadmissible), String(m.withdrawn)]), t('kpi.empty')),
    h('h3', {}, t('kpi.volumes')),
    barChart(t('kpi.volumesChart'), volumeMonths,
      categories.map(category => ({ label: label('category', category), data: volumeMonths.map(month => kpis.volumes.find(v => v.month === month && v.category === category)?.submitted ?? 0) })),
      { stacked: true }),
    dataTable('volumes', t('kpi.volumes'), [t('kpi.month'), t('now.category'), t('kpi.submitted'), t('kpi.decided')],
      kpis.volumes.map(v => [v.month, label('category', v.category), String(v.submitted), String(v.decided)])),
    h('h3', {}, t('kpi.grounds')),
    dataTable('grounds', t('kpi.grounds'), [t('kpi.ground'), t('now.count')],
      kpis.refusalGrounds.map(g => [label('ground', g.ground), String(g.count)])));
}

function evaluationSection(evaluation) {
  return h('section', { id: 'evaluation', class: 'dash-section', 'aria-labelledby': 'evaluation-title' },
    h('h2', { id: 'evaluation-title' }, t('eval.title')),
    h('h3', {}, t('eval.salaries')),
    h('p', { class: 'muted' }, t('dashboard.suppressedNote')),
    dataTable('salary-bands', t('eval.salaries'), [t('eval.year'), t('eval.band'), t('now.count')],
      evaluation.salaryBands.map(b => [String(b.referenceYear), label('band', b.band), b.suppressed ? t('dashboard.suppressed') : String(b.count)]), t('eval.salariesEmpty')),
    h('h3', {}, t('eval.months')),
    dataTable('evaluation-months', t('eval.months'),
      [t('kpi.month'), t('eval.decisions'), t('eval.highlySkilled'), t('eval.highlySkilledShare'), t('eval.withSignals'), t('eval.withSignalsRefused'), t('eval.withdrawals'), t('eval.exclusions')],
      evaluation.months.map(m => [m.month, String(m.decisions), String(m.highlySkilled), formatShare(m.highlySkilledShare), String(m.withSignals), String(m.withSignalsRefused), String(m.withdrawals), String(m.exclusions)]),
      t('kpi.empty')),
    h('h3', {}, t('eval.signals')),
    dataTable('signals', t('eval.signals'), [t('eval.signal'), t('kpi.decided'), t('kpi.refused')],
      evaluation.signals.map(s => [label('signal', s.signal), String(s.decided), String(s.refused)]), t('eval.signalsEmpty')),
    h('h3', {}, t('eval.professionalCards')),
    dataTable('professional-cards', t('eval.professionalCards'), outcomeColumns(false),
      evaluation.categoryOutcomes.filter(c => c.category === 'professional-card').map(c => outcomeRow(c, false)), t('eval.professionalCardsEmpty')),
    h('h3', {}, t('eval.outcomes')),
    dataTable('category-outcomes', t('eval.outcomes'), outcomeColumns(true),
      evaluation.categoryOutcomes.map(c => outcomeRow(c, true)), t('kpi.empty')),
    h('h3', {}, t('eval.registry')),
    h('p', { class: 'muted' }, t('eval.registryNote')),
    dataTable('exclusion-registry', t('eval.registry'), [t('kpi.month'), t('eval.proposed'), t('eval.confirmed'), t('eval.lifted')],
      evaluation.registry.map(r => [r.month, String(r.proposed), String(r.confirmed), String(r.lifted)]), t('eval.registryEmpty')));
}

const outcomeColumns = withCategory => [t('kpi.month'), ...(withCategory ? [t('now.category')] : []), t('kpi.granted'), t('kpi.refused'), t('kpi.inadmissible'), t('kpi.withdrawn')];
const outcomeRow = (c, withCategory) => [c.month, ...(withCategory ? [label('category', c.category)] : []), String(c.granted), String(c.refused), String(c.inadmissible), String(c.withdrawn)];
