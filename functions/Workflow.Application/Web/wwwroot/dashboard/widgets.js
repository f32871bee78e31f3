// The dashboard's building blocks: tables with a CSV download, and charts (Chart.js, served with the page) that
// always stand next to a table with the same figures.
import { h, t, currentLanguage } from '/ui/app.js';

const PALETTE = ['#0055cc', '#e08a00', '#2a7a2a', '#c62828', '#6a1b9a', '#00838f', '#5d4037', '#455a64'];

/** A number in the person's language. */
export function formatNumber(value, digits = 1) {
  if (value === null || value === undefined) {
    return '–';
  }
  return new Intl.NumberFormat(currentLanguage() === 'nl' ? 'nl-BE' : 'en-GB', { maximumFractionDigits: digits }).format(value);
}

/** A share (0..1) as a percentage in the person's language. */
export function formatShare(value) {
  if (value === null || value === undefined) {
    return '–';
  }
  return new Intl.NumberFormat(currentLanguage() === 'nl' ? 'nl-BE' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** The cells of a table as CSV (RFC 4180), headers first. */
export function toCsv(table) {
  const quote = text => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return [...table.querySelectorAll('tr')]
    .map(row => [...row.querySelectorAll('th, td')].map(cell => quote(cell.textContent.trim())).join(','))
    .join('\r\n');
}

function download(table, name) {
  const blob = new Blob(['\ufeff', toCsv(table)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: `${name}.csv`, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A table with its caption, column headers and a button that downloads it as CSV; rows are arrays of cells (text or
 * nodes). Without rows, the empty text instead.
 */
export function dataTable(id, caption, columns, rows, empty) {
  if (rows.length === 0) {
    return h('p', { class: 'muted', id }, empty ?? t('table.empty'));
  }
  const captionId = `${id}-caption`;
  const table = h('table', { class: 'data', id },
    h('caption', { id: captionId }, caption),
    h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map(row => h('tr', {}, row.map(cell => h('td', {}, cell))))));
  return h('div', { class: 'dash-table' },
    // Wide tables scroll sideways: the scrolling box takes the keyboard focus and is named by the table's caption.
    h('div', { class: 'dash-table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': captionId }, table),
    h('button', { type: 'button', class: 'link-button dash-csv', 'aria-describedby': captionId, onclick: () => download(table, id) }, t('dashboard.csv')));
}

/**
 * A bar chart drawn by Chart.js on a canvas, described for screen readers, with the table holding its figures next to
 * it. Nothing when Chart.js is not loaded (the table says it all).
 */
export function barChart(title, labels, series, { stacked = false } = {}) {
  if (typeof window.Chart !== 'function' || labels.length === 0) {
    return null;
  }
  const canvas = h('canvas', { role: 'img', 'aria-label': t('dashboard.chartAlt', { title }) });
  const box = h('figure', { class: 'dash-chart' }, h('div', { class: 'dash-chart-box' }, canvas));
  new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: series.map((s, i) => ({ label: s.label, data: s.data, backgroundColor: PALETTE[i % PALETTE.length] })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { title: { display: true, text: title }, legend: { position: 'bottom' } },
      scales: { x: { stacked }, y: { stacked, beginAtZero: true } },
    },
  });
  return box;
}
