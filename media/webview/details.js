// @ts-check
// The details panels' page script. It lays out the DetailsDocument the extension posts, using only
// createElement and textContent: every vendor string stays text, whatever it contains.
import { el, knownStatus, svgEl, titled } from './dom.js';
import { knownMark, markShape, swatch } from './marks.js';

/** @typedef {import('../../src/webview/protocol').HostMessage} HostMessage */
/** @typedef {import('../../src/webview/protocol').WebviewMessage} WebviewMessage */
/** @typedef {import('../../src/webview/protocol').DetailsDocument} DetailsDocument */
/** @typedef {import('../../src/webview/protocol').DetailSection} DetailSection */
/** @typedef {import('../../src/webview/protocol').DetailField} DetailField */
/** @typedef {import('../../src/webview/protocol').TableCell} TableCell */
/** @typedef {import('../../src/webview/protocol').StripSection} StripSection */
/** @typedef {import('../../src/webview/protocol').StripMarkKind} StripMarkKind */

(function () {
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('root'));
  /** Closed sets: data never becomes a class name or an attribute value unless listed here. */
  const TONES = ['active', 'pending', 'done', 'error', 'unknown'];
  const ACTIONS = ['refresh', 'openTask', 'openRoom', 'stopTask', 'openUrl'];
  const SPAN_OPEN = ['ongoing', 'scheduled'];
  /** Track geometry in px; x positions are percentages, so the strip follows the panel's width. */
  const TRACK_HEIGHT = 22;
  const MID = TRACK_HEIGHT / 2;
  let busy = false;

  /** @param {WebviewMessage} message */
  function post(message) {
    vscode.postMessage(message);
  }

  /** Buttons keep their focus across live re-renders through a key made of indexes, not data. */
  /** @param {HTMLButtonElement} button @param {string} focusKey */
  function focusable(button, focusKey) {
    button.type = 'button';
    button.dataset.focusKey = focusKey;
    return button;
  }

  /** @param {string} text @param {string | undefined} raw @param {string} rawLabel */
  function valueWithRaw(text, raw, rawLabel) {
    const wrap = el('span', 'value-wrap');
    wrap.append(el('bdi', 'value', text));
    if (raw !== undefined && raw !== '' && raw !== text) {
      const rawNode = el('span', 'raw');
      rawNode.append(el('span', 'raw-label', rawLabel), el('code', undefined, raw));
      wrap.append(rawNode);
    }
    return wrap;
  }

  /** @param {readonly DetailField[]} fields @param {DetailsDocument['labels']} labels @param {number} sectionIndex */
  function renderFields(fields, labels, sectionIndex) {
    const list = el('dl', 'fields');
    fields.forEach((field, i) => {
      const dd = el('dd');
      dd.append(valueWithRaw(field.value, field.raw, labels.raw));
      const copyId = field.copyId;
      if (copyId !== undefined) {
        const button = focusable(el('button', 'copy', labels.copy), `copy:${sectionIndex}:${i}`);
        button.setAttribute('aria-label', `${labels.copy}: ${field.label}`);
        button.addEventListener('click', () => post({ type: 'copy', copyId }));
        dd.append(button);
      }
      list.append(el('dt', undefined, field.label), dd);
    });
    return list;
  }

  /** @param {number} f a fraction of the strip's window */
  function pct(f) {
    return `${(Math.min(1, Math.max(0, f)) * 100).toFixed(3)}%`;
  }

  /**
   * The task strip: one track per lane (reported, observed), an axis, a legend. The picture is one
   * image to assistive technology, described by its summary and by the status table that follows.
   * @param {StripSection} section
   */
  function renderStrip(section) {
    const figure = el('figure', 'strip');
    const chart = el('div', 'strip-chart');
    chart.setAttribute('role', 'img');
    chart.setAttribute('aria-label', section.summary);
    for (const lane of section.lanes) {
      const svg = svgEl('svg', 'strip-track', { height: TRACK_HEIGHT, 'aria-hidden': 'true' });
      svg.append(svgEl('line', 'track-base', { x1: '0%', x2: '100%', y1: MID, y2: MID }));
      for (const span of lane.spans) {
        const status = knownStatus(span.status);
        const open = span.open !== undefined && SPAN_OPEN.includes(span.open) ? ` open-${span.open}` : '';
        const width = Math.max(0, Math.min(1, span.to) - Math.max(0, span.from));
        svg.append(titled(svgEl('rect', `span s-${status}${open}`, { x: pct(span.from), y: 4, width: pct(width), height: TRACK_HEIGHT - 8 }), span.title));
      }
      if (section.now !== undefined) svg.append(svgEl('line', 'now', { x1: pct(section.now), x2: pct(section.now), y1: 0, y2: TRACK_HEIGHT }));
      for (const mark of lane.marks) svg.append(titled(markShape(mark.kind, pct(mark.at), MID), mark.title));
      chart.append(el('span', 'strip-label', lane.label), svg);
    }
    chart.append(el('span', 'strip-label'));
    const axis = svgEl('svg', 'strip-axis', { height: 18, 'aria-hidden': 'true' });
    for (const tick of section.ticks) {
      axis.append(svgEl('line', 'tick', { x1: pct(tick.at), x2: pct(tick.at), y1: 0, y2: 4 }));
      const label = svgEl('text', 'tick-label', { x: pct(tick.at), y: 15 });
      label.textContent = tick.label;
      axis.append(label);
    }
    chart.append(axis);
    figure.append(chart);
    const legend = el('ul', 'legend');
    for (const item of section.legend) {
      const entry = el('li');
      entry.append('status' in item ? swatch({ status: knownStatus(item.status) }) : swatch({ mark: knownMark(item.mark) }), el('span', undefined, item.label));
      legend.append(entry);
    }
    figure.append(legend);
    return figure;
  }

  /** @param {Extract<DetailSection, { kind: 'table' }>} section @param {DetailsDocument['labels']} labels @param {number} sectionIndex */
  function renderTable(section, labels, sectionIndex) {
    if (section.rows.length === 0) return el('p', 'empty', section.emptyText);
    const table = el('table');
    const headRow = el('tr');
    for (const column of section.columns) headRow.append(el('th', undefined, column));
    const head = el('thead');
    head.append(headRow);
    table.append(head);
    const body = el('tbody');
    section.rows.forEach((row, rowIndex) => {
      const tr = el('tr');
      row.cells.forEach((cell, cellIndex) => {
        const td = el('td');
        const openFile = row.openFile;
        if (openFile !== undefined && cellIndex === 1) {
          // The file name cell is the row's keyboard target; clicks anywhere on the row open it too.
          const button = focusable(el('button', 'link'), `file:${sectionIndex}:${rowIndex}`);
          button.append(valueWithRaw(cell.text, cell.raw, labels.raw));
          button.title = labels.openFile;
          td.append(button);
        } else {
          td.append(valueWithRaw(cell.text, cell.raw, labels.raw));
        }
        tr.append(td);
      });
      const openFile = row.openFile;
      if (openFile !== undefined) {
        tr.className = 'openable';
        tr.addEventListener('click', () => post({ type: 'openFile', fileName: openFile }));
      }
      body.append(tr);
    });
    table.append(body);
    const scroller = el('div', 'table-scroll');
    scroller.append(table);
    return scroller;
  }

  /** @param {DetailsDocument} doc */
  function render(doc) {
    const focusKey = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.focusKey : undefined;
    const scrollY = window.scrollY;

    const header = el('header');
    const title = el('h1');
    title.append(el('bdi', undefined, doc.heading));
    header.append(title);
    if (doc.status) {
      const pill = el('span', 'status', doc.status.label);
      pill.dataset.tone = TONES.includes(doc.status.tone) ? doc.status.tone : 'unknown';
      header.append(pill);
    }
    const actions = el('div', 'actions');
    for (const action of doc.actions) {
      if (!ACTIONS.includes(action.id)) continue;
      const button = focusable(el('button', undefined, action.label), `action:${action.id}`);
      if (action.id === 'refresh') {
        button.disabled = busy;
        button.addEventListener('click', () => post({ type: 'refresh' }));
      } else if (action.id === 'openRoom') {
        button.addEventListener('click', () => post({ type: 'openRoom' }));
      } else if (action.id === 'stopTask') {
        button.addEventListener('click', () => post({ type: 'stopTask' }));
      } else if (action.id === 'openUrl') {
        button.addEventListener('click', () => post({ type: 'openUrl' }));
      } else {
        button.addEventListener('click', () => post({ type: 'openTask' }));
      }
      actions.append(button);
    }
    const busyNote = el('span', 'busy', doc.labels.busy);
    busyNote.setAttribute('role', 'status');
    actions.append(busyNote);
    header.append(actions);

    const nodes = [header];
    for (const banner of doc.banners) {
      const note = el('div', banner.tone === 'error' ? 'banner error' : 'banner info');
      note.setAttribute('role', banner.tone === 'error' ? 'alert' : 'note');
      note.append(el('bdi', undefined, banner.text));
      nodes.push(note);
    }
    doc.sections.forEach((section, index) => {
      const part = el('section');
      part.append(el('h2', undefined, section.heading));
      if (section.kind === 'fields') part.append(renderFields(section.fields, doc.labels, index));
      else if (section.kind === 'table') part.append(renderTable(section, doc.labels, index));
      else if (section.kind === 'strip') part.append(renderStrip(section));
      else part.append(el('pre', 'raw-json', section.text));
      nodes.push(part);
    });

    root.replaceChildren(...nodes);
    window.scrollTo(0, scrollY);
    if (focusKey !== undefined) {
      for (const candidate of root.querySelectorAll('button')) {
        if (candidate.dataset.focusKey === focusKey) candidate.focus();
      }
    }
  }

  /** @param {boolean} value */
  function setBusy(value) {
    busy = value;
    document.body.classList.toggle('is-busy', value);
    for (const button of root.querySelectorAll('button')) {
      if (button.dataset.focusKey === 'action:refresh') button.disabled = value;
    }
  }

  window.addEventListener('message', (event) => {
    /** @type {HostMessage} */
    const message = event.data;
    if (typeof message !== 'object' || message === null) return;
    if (message.type === 'render') {
      // Only the identity is saved: the serializer restores the panel from it and re-fetches.
      vscode.setState(message.state);
      render(message.document);
    } else if (message.type === 'busy') {
      setBusy(message.busy === true);
    }
  });

  post({ type: 'ready' });
})();
