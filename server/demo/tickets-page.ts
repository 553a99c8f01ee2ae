// A printable page of demo tickets: scan them from another screen or from paper. Each ticket
// carries a QR code and a Code 128 of the same code; the special codes at the end exercise
// the verdicts other than "valid". Self-contained: inline SVG and an inline <style>, no script
// (the app's CSP allows inline styles only).
import bwipjs from 'bwip-js/node';
import QRCode from 'qrcode';
import { PRINTED_TICKETS, type DemoTicket } from './seed.ts';
import type { DemoState } from './state.ts';

export async function renderTicketsPage(state: DemoState, showId: number): Promise<string | null> {
  const show = state.describeShow(showId);
  const listed = state.allTickets(showId);
  const specials = state.specials(showId);
  if (!show || !listed || !specials) return null;

  const cards = await Promise.all(listed.slice(0, PRINTED_TICKETS).map((t) => ticketCard(t)));
  const special: string[] = [];
  if (specials.checkedElsewhere) {
    special.push(await specialCard(specials.checkedElsewhere, 'Уже отсканирован на другом входе', 'Already checked at the server'));
  }
  if (specials.refunded) {
    special.push(await specialCard(specials.refunded, 'Возвращённый билет (нет в списке)', 'Refunded: not in the list'));
  }
  if (specials.otherShow) {
    special.push(await specialCard(specials.otherShow.code, `Билет другого сеанса (${specials.otherShow.showId})`, 'Ticket of another show'));
  }
  special.push(await specialCard(specials.unknown, 'Неизвестный код', 'Unknown code'));
  for (const code of state.soldCodes(showId)) {
    special.push(await specialCard(code, 'Продан после загрузки списка (проверка на сервере)', 'Sold after the list was pulled (checked online)'));
  }
  if (specials.ean13) {
    special.push(ean13Card(specials.ean13));
  }

  const title = `${show.eventName}${show.showName ? ` — ${show.showName}` : ''}`;
  const nav = state
    .showIds()
    .map((id) => (id === showId ? `<strong>${id}</strong>` : `<a href="?show=${id}">${id}</a>`))
    .join(' · ');
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Демо-билеты · ${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Демо-билеты Kontrol · Demo tickets</h1>
<p><b>${escapeHtml(title)}</b>, сеанс ${showId}, начало ${escapeHtml(show.startDate)}</p>
<p class="hint">Двери открываются ${escapeHtml(show.openDate)}, окончание ${escapeHtml(show.finishDate)}: вне этого (с допуском из настроек смены) билет «Рано» или «Сеанс окончен». Doors open / show ends.</p>
<p class="hint">Откройте на другом экране или распечатайте и сканируйте камерой. Open on another screen or print, then scan.</p>
<nav>Сеансы / shows: ${nav}</nav>
</header>
<main class="grid">${cards.join('\n')}</main>
<h2>Особые коды · Special codes</h2>
<section class="grid">${special.join('\n')}</section>
</body>
</html>`;
}

async function codes(code: string): Promise<string> {
  const qr = await QRCode.toString(code, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  const code128 = bwipjs.toSVG({ bcid: 'code128', text: code, scale: 2, height: 10, includetext: false });
  return `<div class="qr">${qr}</div><div class="linear">${code128}</div><div class="code">${escapeHtml(code)}</div>`;
}

async function ticketCard(ticket: DemoTicket): Promise<string> {
  const holder = [ticket.client_surname, ticket.client_name, ticket.client_middlename].filter(Boolean).join(' ') || '—';
  return `<article class="ticket">${await codes(ticket.barcode)}
<div class="seat">${escapeHtml(ticket.seat_name)}</div>
<div class="holder">${escapeHtml(holder)} · ${ticket.price} ₽</div></article>`;
}

async function specialCard(code: string, ru: string, en: string): Promise<string> {
  return `<article class="ticket special">${await codes(code)}
<div class="seat">${escapeHtml(ru)}</div><div class="holder">${escapeHtml(en)}</div></article>`;
}

function ean13Card(code: string): string {
  // bwip-js appends the EAN check digit to the 12-digit code, as a ticket printer would.
  const svg = bwipjs.toSVG({ bcid: 'ean13', text: code, scale: 2, height: 14, includetext: true });
  return `<article class="ticket special"><div class="linear ean">${svg}</div><div class="code">${escapeHtml(code)} + контрольная цифра</div>
<div class="seat">Тот же билет в EAN-13 (сканер читает 13 цифр)</div><div class="holder">Listed ticket printed as EAN-13</div></article>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
body{font-family:system-ui,sans-serif;margin:16px;color:#111;background:#fff}
h1{font-size:20px;margin:0 0 4px}h2{font-size:18px;margin:24px 0 8px}
.hint{color:#555}nav a{color:#0645ad}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:12px}
.ticket{border:1px dashed #888;border-radius:8px;padding:10px;break-inside:avoid;page-break-inside:avoid}
.special{border-color:#b50;background:#fff8f0}
.qr svg{width:140px;height:140px;display:block;margin:0 auto}
.linear svg{width:100%;height:56px;display:block;margin-top:6px}
.linear.ean svg{height:90px}
.code{font:600 15px ui-monospace,monospace;text-align:center;letter-spacing:1px;margin-top:4px}
.seat{margin-top:6px;font-weight:600}.holder{color:#444;font-size:13px}
@media print{.hint,nav{display:none}body{margin:0}}
`;
