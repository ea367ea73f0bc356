// Login: the account is a broker account, so what the user may see and do afterwards is
// what the broker's ACL and the controller's roles allow that account.
import { h, replaceChildren } from '../element.js';
import { t, hasKey } from '../i18n.js';
import { logIn } from '../session.js';

export class LoginPage {
  constructor(context, reason) {
    this.context = context;
    this.reason = reason;
  }

  mount(container) {
    this.error = h('p', { class: 'login-error', id: 'login-error', role: 'alert' }, this.reason ?? '');
    const user = h('input', { id: 'login-user', name: 'user', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
    const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-large', id: 'login-submit' }, t('login.submit'));
    const form = h('form', { class: 'login-form', 'aria-labelledby': 'login-title' },
      h('h1', { id: 'login-title' }, t('login.title')),
      h('p', { class: 'muted' }, t('login.help')),
      h('label', { class: 'field', for: 'login-user' }, h('span', { class: 'field-label' }, t('login.user')), user),
      h('label', { class: 'field', for: 'login-password' }, h('span', { class: 'field-label' }, t('login.password')), password),
      this.error, submit);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!user.value.trim() || !password.value) {
        this.error.textContent = t('login.missing');
        return;
      }
      submit.disabled = true;
      this.error.textContent = '';
      const outcome = await logIn(user.value.trim(), password.value);
      submit.disabled = false;
      if (outcome.ok) {
        password.value = '';
        this.context.onLoggedIn(outcome.session);
        return;
      }
      this.error.textContent = loginError(outcome);
      password.select();
    });
    replaceChildren(container, h('div', { class: 'login-wrap' },
      h('div', { class: 'login-lang' }, this.context.languageButton()), form));
    user.focus();
  }
}

function loginError(outcome) {
  const key = `login.error.${outcome.code}`;
  if (hasKey(key)) return t(key);
  if (outcome.message) return outcome.message;
  return t('login.error.other', { status: outcome.status ?? '?' });
}
