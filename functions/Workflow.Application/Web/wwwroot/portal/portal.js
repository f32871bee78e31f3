// The employer portal: submit an application, supply documents, pay the fee, follow the file, read the letter.
// Employers (or their social secretariat) and self-employed applicants act for the applicant their sign-in names
// (GET /api/me: applicants); the API decides everything, the pages show its answers.
import { start, h, show, t, route, notice } from '/ui/app.js';
import { renderApplications } from './applications.js';
import { renderSubmit } from './submit.js';
import { renderApplication } from './application.js';

/** Stops whatever the previous view left running (polling), before the next view draws. */
let leave = () => {};

/** Draws the portal's navigation and returns the element a view draws into. */
function frame(main, active) {
  const link = (href, key, name) => h('a', { href, 'aria-current': active === name ? 'page' : null }, t(key));
  const content = h('div', { class: 'portal-view' });
  show(main,
    h('nav', { class: 'tabs', 'aria-label': t('portal.navigation') },
      link('#/', 'portal.applications', 'applications'),
      link('#/new', 'portal.newApplication', 'new')),
    content);
  return content;
}

start('portal', ['employer'], async (main, me) => {
  const applicant = me.applicants?.[0];
  if (!applicant) {
    show(main, h('h1', {}, t('portal.noApplicantTitle')), notice('error', t('portal.noApplicant')));
    return;
  }

  const view = (name, draw) => async params => {
    leave();
    leave = () => {};
    const content = frame(main, name);
    const stop = await draw(content, { me, applicant, params });
    if (typeof stop === 'function') leave = stop;
    main.focus();
  };

  route([
    ['/', view('applications', renderApplications)],
    ['/new', view('new', renderSubmit)],
    ['/new/:draft', view('new', renderSubmit)],
    ['/applications/:id', view('application', renderApplication)],
  ], view('none', content => show(content, h('h1', {}, t('portal.pageNotFoundTitle')), notice('error', t('portal.pageNotFound')))));
});
