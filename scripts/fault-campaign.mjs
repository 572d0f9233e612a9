#!/usr/bin/env node
// Fault campaign: fuzzes every operation of the served OpenAPI document with malformed values derived from its own
// parameter schemas (types, formats, lengths, patterns, enums), malformed bodies and hostile headers, and counts the
// answers that break the contract: any 5xx, and any 4xx that is not application/problem+json with API-Version.
// Loopback only, bounded in count and time.
//
//   node scripts/fault-campaign.mjs --base http://127.0.0.1:7071/api/v1 [--aantal 10000] [--token TOKEN] [--zaad 1]
// TOKEN: an access token with both roles (scripts/token.sh alles), so the admin operations get past the guard.
// Exit code 0 when nothing broke the contract, 1 otherwise; a JSON summary goes to stdout.

const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) => (v.startsWith('--') ? [...a, [v.slice(2), all[i + 1]]] : a), []));
const base = (args.base ?? 'http://127.0.0.1:7071/api/v1').replace(/\/$/, '');
const aantal = Number(args.aantal ?? 1000);
const token = args.token;
const deadline = Date.now() + Number(args.seconden ?? 600) * 1000;
if (!/^http:\/\/(127\.|localhost|\[::1\])/.test(base)) { console.error('Alleen loopback-adressen.'); process.exit(2); }

let zaad = Number(args.zaad ?? 1);
const rnd = () => ((zaad = (zaad * 1103515245 + 12345) % 2147483648) / 2147483648);
const kies = (lijst) => lijst[Math.floor(rnd() * lijst.length)];

const doc = await (await fetch(`${base}/openapi.json`)).json();
const operaties = Object.entries(doc.paths).flatMap(([pad, item]) =>
  Object.entries(item).filter(([m]) => ['get', 'put', 'post', 'delete'].includes(m)).map(([methode, op]) => ({ pad, methode, op })));

const junk = ['', ' ', '%00', '%E2%80%8B', '%CC%81', '%ED%A0%80', '%FF%FE', '..%2F..%2F', "x' or PartitionKey ne '", '<script>', '${jndi:x}',
  '-1', '0', '1e309', 'NaN', 'null', 'true', '[]', '{}', 'x'.repeat(5000), '%F0%9F%98%80', '2024-13-45', '9999-12-31T25:61:00Z'];

// Malformed values for a schema: the opposite of what it allows.
function fout(schema = {}) {
  const s = schema;
  const opties = [...junk];
  if (s.maxLength) opties.push('a'.repeat(s.maxLength + 1));
  if (s.minimum !== undefined) opties.push(String(Number(s.minimum) - 1));
  if (s.maximum !== undefined) opties.push(String(Number(s.maximum) + 1), '2147483648', '99999999999999999999');
  if (s.type === 'integer') opties.push('1.5', 'een', '0x10', '+1');
  if (s.enum) opties.push(encodeURIComponent(String(s.enum[0]).toUpperCase()), encodeURIComponent(s.enum[0] + ' '), 'onbekend-waarde');
  if (s.format === 'date') opties.push('2024-02-30', '1900-01-01', '0001-01-01', '20241118');
  if (s.format === 'date-time') opties.push('2024-11-18T12:00:00', 'gisteren', '2024-11-18T12:00:00%2B99:00');
  return kies(opties);
}

function bodies(op) {
  const diep = '['.repeat(5000) + ']'.repeat(5000);
  return [
    '{', '[]', 'null', '"tekst"', '{"a":1,"a":2}', diep, '{"titel":"x\\u0001y"}', '{"titel":"x\\ud800"}', '{"status":"x"}',
    JSON.stringify({ onbekend: true }), '{"peildatum":"0001-01-01"}', 'x'.repeat(70 * 1024), '\uFEFF{}', '{"a":' + '1'.repeat(400) + '}',
  ];
}

const teller = { totaal: 0, perStatus: {}, vijfhonderd: [], geenProblem: [], geenVersie: [] };
for (let i = 0; i < aantal && Date.now() < deadline; i++) {
  const { pad, methode, op } = operaties[i % operaties.length];
  let url = pad;
  const query = [];
  for (const p of op.parameters ?? []) {
    const waarde = rnd() < 0.7 ? fout(p.schema) : encodeURIComponent(String(p.example ?? 'x'));
    if (p.in === 'path') url = url.replace(`{${p.name}}`, waarde);
    else if (p.in === 'query' && rnd() < 0.8) query.push(`${p.name}=${waarde}`);
  }
  if (rnd() < 0.2) query.push(`${kies(['onbekend', 'Cyclus', 'page', 'x%00'])}=${fout({})}`);
  const headers = { accept: kies(['application/json', '*/*', 'text/html', 'application/xml;q=0', '']) };
  // Mostly the real token, else hostile Authorization values: each must be a 400/401 problem, never a 5xx.
  if (token && rnd() < 0.6) headers.authorization = rnd() < 0.8 ? `Bearer ${token}` : kies(['Bearer', 'Bearer rommel', 'Basic eDp5', `Bearer ${token}x`, 'Bearer a.b.c', 'Bearer ' + 'x'.repeat(9000)]);
  if (rnd() < 0.2) headers['if-match'] = kies(['*', '"x"', 'W/"x"', 'rommel', '"' + 'a'.repeat(300) + '"']);
  if (rnd() < 0.2) headers['if-none-match'] = kies(['*', '"x"', ',,,']);
  if (rnd() < 0.2) headers['idempotency-key'] = kies(['k', 'x'.repeat(300), 'é', 'a b']);
  const init = { method: methode.toUpperCase(), headers, redirect: 'manual' };
  if (methode === 'post' || methode === 'put') {
    init.body = kies(bodies(op));
    headers['content-type'] = kies(['application/json', 'application/json', 'text/plain', 'application/json; charset=latin1']);
  }
  let response;
  try {
    response = await fetch(`${base}${url}${query.length ? '?' + query.join('&') : ''}`, init);
    await response.arrayBuffer();
  } catch (e) {
    teller.vijfhonderd.push(`${init.method} ${url}: verbinding ${e.cause?.code ?? e.message}`);
    continue;
  }
  teller.totaal++;
  teller.perStatus[response.status] = (teller.perStatus[response.status] ?? 0) + 1;
  const soort = response.headers.get('content-type') ?? '';
  const regel = `${init.method} ${url}${query.length ? '?' + query.join('&').slice(0, 120) : ''} → ${response.status}`;
  // Without API-Version and without a body the answer came from the platform, before the app ran: the web server (a
  // request line over its limit: 414, 431) or the Functions host (a path or method no function has: 404), as the
  // contract's description says. Counted apart, as the platform's.
  const vanServer = !response.headers.get('api-version') && [400, 404, 414, 431].includes(response.status) && response.headers.get('content-length') === '0';
  if (vanServer) { teller.server = (teller.server ?? 0) + 1; continue; }
  if (response.status >= 500) teller.vijfhonderd.push(regel);
  if (response.status >= 400 && !soort.startsWith('application/problem+json')) teller.geenProblem.push(regel);
  if (!response.headers.get('api-version')) teller.geenVersie.push(regel);
}

const samenvatting = {
  verzoeken: teller.totaal, perStatus: teller.perStatus,
  vijfhonderd: teller.vijfhonderd.length, geenProblem: teller.geenProblem.length, geenApiVersie: teller.geenVersie.length,
  doorHetPlatform: teller.server ?? 0,
  voorbeelden: [...teller.vijfhonderd, ...teller.geenProblem, ...teller.geenVersie].slice(0, 20),
};
console.log(JSON.stringify(samenvatting, null, 2));
process.exit(samenvatting.vijfhonderd + samenvatting.geenProblem + samenvatting.geenApiVersie === 0 && teller.totaal > 0 ? 0 : 1);
