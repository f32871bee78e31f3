// The employer portal: submit an application, supply documents, pay the fee, follow the file, read the letter.
import { start, h, show, t } from '/ui/app.js';

start('portal', ['employer'], async (main) => {
  show(main, h('h1', {}, t('portal.applications')));
});
