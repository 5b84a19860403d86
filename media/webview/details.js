// @ts-check
// The details panels' page script. It lays out the DetailsDocument the extension posts, using only
// createElement and textContent: every vendor string stays text, whatever it contains.
'use strict';

/** @typedef {import('../../src/webview/protocol').HostMessage} HostMessage */
/** @typedef {import('../../src/webview/protocol').WebviewMessage} WebviewMessage */
/** @typedef {import('../../src/webview/protocol').DetailsDocument} DetailsDocument */
/** @typedef {import('../../src/webview/protocol').DetailSection} DetailSection */
/** @typedef {import('../../src/webview/protocol').DetailField} DetailField */
/** @typedef {import('../../src/webview/protocol').TableCell} TableCell */

(function () {
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('root'));
  /** Closed sets: data never becomes a class name or an attribute value unless listed here. */
  const TONES = ['active', 'pending', 'done', 'error', 'unknown'];
  const ACTIONS = ['refresh', 'openTask', 'stopTask', 'openUrl'];
  let busy = false;

  /** @param {WebviewMessage} message */
  function post(message) {
    vscode.postMessage(message);
  }

  /**
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag
   * @param {string} [className]
   * @param {string} [text]
   * @returns {HTMLElementTagNameMap[K]}
   */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
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
