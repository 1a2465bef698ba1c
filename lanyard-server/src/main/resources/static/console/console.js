// The operator console: a thin page over the REST API (/api/v1). It holds no logic of its own.
const api = async (path) => {
  const headers = {};
  const token = sessionStorage.getItem('lanyard.token');
  if (token) headers['Authorization'] = 'Bearer ' + token;
  const response = await fetch('/api/v1' + path, { headers });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw Object.assign(new Error(body.detail || response.statusText), { status: response.status });
  return body;
};
const esc = (v) => String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const table = (headers, rows) => `<table><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
const view = document.getElementById('view');

const views = {
  async certificates() {
    const params = new URLSearchParams(location.hash.split('?')[1] || '');
    const page = await api('/certificates?' + params.toString());
    view.innerHTML = `<h2>Certificates (${page.total})</h2>
      <form class="filters" id="filters"><input name="subject" placeholder="subject contains" value="${esc(params.get('subject'))}">
      <input name="san" placeholder="name contains" value="${esc(params.get('san'))}">
      <input name="profile" placeholder="profile" value="${esc(params.get('profile'))}"><button>Search</button></form>` +
      table(['Serial', 'Status', 'Profile', 'Subject', 'Names', 'Not after'], page.items.map((c) => [
        `<span class="mono">${esc(c.serial)}</span>`, `<span class="status-${esc(c.status)}">${esc(c.status)}</span>`,
        esc(c.profile), esc(c.subject), esc(c.subjectAltNames.join(', ')), esc(c.notAfter)]));
    document.getElementById('filters').onsubmit = (e) => {
      e.preventDefault();
      const q = new URLSearchParams([...new FormData(e.target)].filter(([, v]) => v));
      location.hash = 'certificates?' + q.toString();
    };
  },
  async profiles() {
    const profiles = await api('/profiles');
    view.innerHTML = '<h2>Certificate profiles</h2>' + table(['Id', 'Name', 'Keys', 'Validity', 'EKU', 'Subject', 'SAN types'],
      profiles.map((p) => [esc(p.id), esc(p.name), esc(p.allowedKeys.join(' ')), esc(p.validity),
        esc(p.extendedKeyUsage.join(', ')), `<code>${esc(p.subjectTemplate)}</code>`, esc(p.allowedSanTypes.join(' '))]));
  },
  async issuers() {
    const issuers = await api('/issuers');
    view.innerHTML = '<h2>Issuers</h2>' + table(['Id', 'Subject', 'Key', 'Not after', 'Default', 'Chain'],
      issuers.map((i) => [esc(i.id), esc(i.subject), esc(i.keyAlgorithm), esc(i.notAfter), i.defaultIssuer ? 'yes' : '',
        `<a href="/api/v1/issuers/${encodeURIComponent(i.id)}/chain">PEM</a>`]));
  },
  async operators() {
    const [operators, roles] = await Promise.all([api('/operators'), api('/roles')]);
    view.innerHTML = '<h2>Operators</h2>' + table(['Name', 'E-mail', 'Roles', 'Enabled', 'Created'],
      operators.map((o) => [esc(o.name), esc(o.email), esc(o.roles.join(', ')), o.enabled ? 'yes' : 'no', esc(o.createdAt)])) +
      '<h2>Roles</h2>' + table(['Id', 'Name', 'Permissions'], roles.map((r) => [esc(r.id), esc(r.name), esc(r.permissions.join(', '))]));
  },
  async audit() {
    const [page, check] = await Promise.all([api('/audit?size=100'), api('/audit/verify')]);
    view.innerHTML = `<h2>Transaction log</h2><p class="${check.problem === 'NONE' ? 'ok' : 'error'}">${esc(check.message)}</p>` +
      table(['#', 'Time', 'Actor', 'Action', 'Target', 'Details'], page.items.map((e) => [esc(e.sequence), esc(e.time),
        esc(e.actor), esc(e.action), `<span class="mono">${esc(e.target)}</span>`, `<code>${esc(e.details)}</code>`]));
  },
};

async function show() {
  const name = (location.hash.slice(1).split('?')[0]) || 'certificates';
  try {
    const me = await api('/operators/me');
    document.getElementById('who').textContent = 'signed in as ' + me.name;
    document.getElementById('signin').hidden = true;
    await (views[name] || views.certificates)();
  } catch (e) {
    if (e.status === 401) {
      document.getElementById('signin').hidden = false;
      view.innerHTML = '';
    } else {
      view.innerHTML = `<p class="error">${esc(e.message)}</p>`;
    }
  }
}

document.getElementById('signin-form').onsubmit = async (e) => {
  e.preventDefault();
  sessionStorage.setItem('lanyard.token', document.getElementById('token').value.trim());
  document.getElementById('signin-error').textContent = '';
  await show();
  if (!document.getElementById('signin').hidden) document.getElementById('signin-error').textContent = 'That token was not accepted.';
};
window.onhashchange = show;
show();
