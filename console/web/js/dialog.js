// Large modal dialogs (native <dialog>: focus is trapped and Escape cancels). Every
// action that changes a screen or the programme goes through one of these.
import { h } from './element.js';
import { t } from './i18n.js';

// Resolves true when confirmed. tone "danger" paints the confirm button red.
export function confirmAction({ title, message, confirmLabel, tone = 'primary' }) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: `dialog dialog-${tone}`, 'aria-labelledby': 'dialog-title' },
      h('form', { method: 'dialog' },
        h('h2', { id: 'dialog-title' }, title),
        message ? h('p', { class: 'dialog-message' }, message) : null,
        h('div', { class: 'dialog-actions' },
          h('button', { class: 'btn btn-large', value: 'cancel', type: 'submit' }, t('cancel')),
          h('button', { class: `btn btn-large btn-${tone}`, value: 'confirm', type: 'submit', autofocus: true }, confirmLabel))));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'confirm');
    });
    document.body.appendChild(dialog);
    dialog.showModal();
  });
}

// A dialog with fields; resolves to the form's values (FormData as an object) or null.
// validate(values) returns an error sentence to keep the dialog open, or '' to accept.
export function formDialog({ title, message, fields, confirmLabel, tone = 'primary', validate = () => '' }) {
  return new Promise((resolve) => {
    const error = h('p', { class: 'dialog-error', role: 'alert' });
    const form = h('form', { method: 'dialog', novalidate: true },
      h('h2', { id: 'dialog-title' }, title),
      message ? h('p', { class: 'dialog-message' }, message) : null,
      h('div', { class: 'dialog-fields' }, fields),
      error,
      h('div', { class: 'dialog-actions' },
        h('button', { class: 'btn btn-large', value: 'cancel', type: 'submit', formnovalidate: true }, t('cancel')),
        h('button', { class: `btn btn-large btn-${tone}`, value: 'confirm', type: 'submit' }, confirmLabel)));
    const dialog = h('dialog', { class: `dialog dialog-${tone}`, 'aria-labelledby': 'dialog-title' }, form);
    let values = null;
    form.addEventListener('submit', (event) => {
      if (event.submitter?.value !== 'confirm') return;
      const current = Object.fromEntries(new FormData(form));
      const problem = validate(current);
      if (problem) {
        event.preventDefault();
        error.textContent = problem;
        return;
      }
      values = current;
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'confirm' ? values : null);
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    form.querySelector('input, select, textarea')?.focus();
  });
}

export function field(label, input, hint) {
  return h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), input,
    hint ? h('span', { class: 'field-hint' }, hint) : null);
}

// Short-lived notice for the outcome of an action; failures, and notices that offer a
// follow-up action ({label, run}), stay until dismissed.
export function notify(message, tone = 'ok', action = null) {
  const box = document.getElementById('toasts');
  const toast = h('div', { class: `toast toast-${tone}`, role: tone === 'error' ? 'alert' : 'status' },
    h('span', {}, message),
    action ? h('button', { type: 'button', class: 'btn', onclick: () => { toast.remove(); action.run(); } }, action.label) : null,
    h('button', { type: 'button', class: 'btn btn-quiet', 'aria-label': t('dismiss'), onclick: () => toast.remove() }, '×'));
  box.appendChild(toast);
  if (tone !== 'error' && !action) setTimeout(() => toast.remove(), 6000);
}
