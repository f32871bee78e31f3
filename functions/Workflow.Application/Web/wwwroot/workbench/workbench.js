// The caseworker workbench: the worklist, an application's file with the one-view, and the caseworker's actions.
// Caseworkers and managers work here; managers also reassign applications and consent to information requests.
import { start, route } from '/ui/app.js';
import { renderWorklist } from './worklist.js';
import { renderApplication } from './application.js';

start('workbench', ['caseworker', 'manager'], async (main, me) => {
  let first = true;
  const go = async draw => {
    await draw();
    if (!first) {
      main.focus({ preventScroll: false }); // a new screen: reading starts at its top
    }
    first = false;
  };
  route([
    ['/', () => go(() => renderWorklist(main, me, 'mine'))],
    ['/worklist/:view', ({ view }) => go(() => renderWorklist(main, me, view))],
    ['/applications/:id', ({ id }) => go(() => renderApplication(main, me, id))],
  ], () => go(() => renderWorklist(main, me, 'mine')));
});
