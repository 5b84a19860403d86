// @ts-check
// What both page scripts build their DOM with: elements made with createElement(NS) whose text is
// set with textContent only, and the closed sets data is checked against before it becomes a class.

/** @typedef {import('../../src/model/task').TaskStatus} TaskStatus */

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** @type {readonly TaskStatus[]} */
export const STATUSES = ['starting', 'running', 'paused', 'stopping', 'ended', 'failed', 'unknown'];

/** `status` when it is one of ours, else `unknown`: a class name never carries data. @param {unknown} status @returns {TaskStatus} */
export function knownStatus(status) {
  return STATUSES.find((s) => s === status) ?? 'unknown';
}

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} [className]
 * @param {string} [text]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * An SVG element with numeric or percentage geometry attributes only (never data).
 * @param {string} tag @param {string} className @param {Record<string, string | number>} [geometry]
 */
export function svgEl(tag, className, geometry = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  node.setAttribute('class', className);
  for (const [name, value] of Object.entries(geometry)) node.setAttribute(name, String(value));
  return node;
}

/** A hover text: an SVG <title>, set as text. @template {Element} E @param {E} node @param {string} text @returns {E} */
export function titled(node, text) {
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = text;
  node.append(title);
  return node;
}

/** A localized template's `{0}`, `{1}` filled in, as `vscode.l10n.t` does. @param {string} template @param {...(string | number)} args */
export function fill(template, ...args) {
  return template.replace(/\{(\d+)\}/g, (whole, index) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}
