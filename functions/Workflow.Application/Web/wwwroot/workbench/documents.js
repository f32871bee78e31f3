// The documents of the dossier, viewable in the page. The content is read with the person's own credentials (a
// development token is a header, not a cookie, so a plain link would not carry it) and shown from a local copy: an
// image as an image, a PDF in a frame, or opened in a new tab. Only the types the API accepts are shown as such.
import { api, h, show, t, label, table, problemBox, formatDateTime } from '/ui/app.js';

const SHOWN_AS_IS = ['application/pdf', 'image/png', 'image/jpeg'];

let shownUrl = null;

function size(bytes) {
  return bytes < 1024 ? t('documents.bytes', { size: bytes }) : t('documents.kilobytes', { size: (bytes / 1024).toFixed(1) });
}

async function view(document, viewer) {
  show(viewer, h('p', { class: 'muted' }, t('common.loading')));
  try {
    const content = (await api('GET', document.contentUrl)).data;
    const type = SHOWN_AS_IS.includes(document.contentType) ? document.contentType : 'application/octet-stream';
    if (shownUrl) {
      URL.revokeObjectURL(shownUrl);
    }
    shownUrl = URL.createObjectURL(new Blob([content], { type }));
    const title = t('documents.viewing', { type: label('doc', document.type), file: document.fileName });
    const shown = type.startsWith('image/')
      ? h('img', { class: 'document-image', src: shownUrl, alt: title })
      : type === 'application/pdf'
        ? h('iframe', { class: 'document-frame', src: shownUrl, title })
        : h('p', {}, t('documents.notShown'));
    show(viewer,
      h('h3', { tabindex: '-1', class: 'document-title' }, title),
      h('div', { class: 'actions' },
        h('a', { href: shownUrl, target: '_blank', rel: 'noopener', class: 'button button-secondary button-small' }, t('documents.newTab'))),
      shown);
    viewer.querySelector('.document-title').focus();
  } catch (error) {
    show(viewer, problemBox(error));
  }
}

export function documentsSection(list) {
  const viewer = h('div', { class: 'document-viewer', 'aria-live': 'polite' });
  const documents = list?.documents ?? [];
  return h('section', { class: 'wb-section', 'aria-labelledby': 'h-documents' },
    h('h2', { id: 'h-documents' }, t('app.section.documents')),
    table(t('documents.caption'),
      [t('documents.type'), t('documents.file'), t('documents.contentType'), t('documents.size'), t('documents.sha256'), t('documents.received'), t('documents.view')],
      documents.map(d => [
        label('doc', d.type),
        d.fileName,
        h('code', {}, d.contentType),
        size(d.size),
        h('code', { title: d.sha256 }, `${d.sha256.slice(0, 10)}…`),
        formatDateTime(d.receivedAt),
        h('button', { type: 'button', class: 'button button-secondary button-small', onclick: () => view(d, viewer) },
          t('documents.show'), h('span', { class: 'visually-hidden' }, ` ${d.fileName}`)),
      ]),
      t('documents.none')),
    viewer);
}
