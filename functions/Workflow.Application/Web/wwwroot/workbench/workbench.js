// The caseworker workbench: the worklist, an application's file, and the caseworker's actions.
import { start, h, show, t } from '/ui/app.js';

start('workbench', ['caseworker', 'manager'], async (main) => {
  show(main, h('h1', {}, t('workbench.worklist')));
});
