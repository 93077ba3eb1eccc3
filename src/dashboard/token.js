/**
 * The API token, for a server with access control (docs/operations.md, "Access control"). The
 * dashboard asks for one only when the API answers 401, keeps it in sessionStorage (this tab,
 * until it is closed: never on disk) and sends it as `Authorization: Bearer <token>` with every
 * request, the downloads included. A server in local mode never asks.
 */

const KEY = 'jixiao.token';

/** The headers that carry the token, if there is one. */
export function authHeaders() {
  const token = sessionStorage.getItem(KEY);
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Whether a token has been given in this tab. */
export function hasToken() {
  return sessionStorage.getItem(KEY) !== null;
}

let asking = null;

/**
 * Shows the token form with the server's reason and resolves once a token is entered. Requests
 * refused at the same time wait for the same form.
 */
export function askForToken(reason) {
  sessionStorage.removeItem(KEY);
  asking ??= new Promise((resolve) => {
    const dialog = document.createElement('dialog');
    dialog.className = 'token-dialog';
    dialog.innerHTML = `
      <form method="dialog">
        <h2>需要访问令牌</h2>
        <p class="reason"></p>
        <label>访问令牌（jx_…）<input name="token" type="password" autocomplete="off" required /></label>
        <p class="hint">令牌由系统管理员用 <code>jixiao token create</code> 生成，仅保存在本标签页，关闭即清除。</p>
        <button type="submit">确定</button>
      </form>`;
    dialog.querySelector('.reason').textContent = reason ?? '';
    dialog.addEventListener('cancel', (event) => event.preventDefault());
    dialog.querySelector('form').addEventListener('submit', () => {
      sessionStorage.setItem(KEY, dialog.querySelector('input').value.trim());
      dialog.remove();
      asking = null;
      resolve();
    });
    document.body.append(dialog);
    dialog.showModal();
  });
  return asking;
}

/** The file name a download's Content-Disposition gives (its UTF-8 form when there is one). */
function fileNameOf(response, fallback) {
  const header = response.headers.get('content-disposition') ?? '';
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (utf8) return decodeURIComponent(utf8[1]);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

/**
 * Downloads a file of /export/ with the token: a link cannot send a header, so the file is
 * fetched and saved from a blob. Answers an error message, or null once saved.
 */
export async function downloadWithToken(href) {
  for (;;) {
    const response = await fetch(href, { headers: authHeaders() });
    if (response.status === 401) {
      await askForToken((await response.json()).errors?.[0]?.message);
      continue;
    }
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      return body?.errors?.[0]?.message ?? `HTTP ${response.status}`;
    }
    const url = URL.createObjectURL(await response.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = fileNameOf(response, href.split('/').pop().split('?')[0]);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return null;
  }
}
