// The edge part of ./bench.sh (alone: ./bench.sh --rand). In one run, on loopback: reads through Varnish with the
// repository's VCL in front of the API against the same Varnish in front of a static origin serving the API's own
// bytes (the Kestrel baseline); origin requests per 10,000 edge reads of one URL after a write; the time from a
// write's answer (through the host) to the new state at the edge; and, for comparison, the same reads on the host.
// Prints a table and writes JSON under .run/bench/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vrijePoort, start, wachtOp, stop, mediaan, wrk, ab, wacht, azuriteEnApp } from './gereedschap.mjs';

const root = new URL('..', import.meta.url).pathname;
const uit = join(root, '.run', 'bench');
const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) => (v.startsWith('--') ? [...a, [v.slice(2), all[i + 1]]] : a), []));
const duur = Number(args.seconden ?? 6);
const rondes = Number(args.rondes ?? 3);
mkdirSync(join(uit, 'rand-antwoorden'), { recursive: true });
process.on('exit', stop);
process.on('SIGINT', () => { stop(); process.exit(130); });

const [api, kaal, randApi, randStatisch] = await Promise.all([vrijePoort(), vrijePoort(), vrijePoort(), vrijePoort()]);
const { verbinding, appEnv } = await azuriteEnApp(root, api);
const blob = verbinding.match(/BlobEndpoint=http:\/\/127\.0\.0\.1:(\d+)/)[1];
start('dotnet', [join(root, 'functions/VoortgangApi.LocalHost/bin/Release/net10.0/VoortgangApi.LocalHost.dll'),
  '--AppMap', join(root, 'functions/VoortgangApi.Functions/bin/Release/net10.0'), '--Poort', `${api}`],
  { ...appEnv, Rand__Soort: 'Varnish', Rand__Adres: `http://127.0.0.1:${randApi}` });
await wachtOp(`http://127.0.0.1:${api}/api/v1/themas`, 120);

// The static origin: the API's own answers (bytes, content type, ETag, Cache-Control), recorded now.
const eindpunten = [
  { naam: '/themas', pad: '/api/v1/themas' },
  { naam: '/overzicht', pad: '/api/v1/overzicht' },
  { naam: '/oplossingsrichtingen (100)', pad: '/api/v1/oplossingsrichtingen?pageSize=100' },
];
const opgenomen = [];
for (const [i, e] of eindpunten.entries()) {
  const r = await fetch(`http://127.0.0.1:${api}${e.pad}`);
  const bytes = Buffer.from(await r.arrayBuffer());
  e.bytes = bytes.length;
  writeFileSync(join(uit, 'rand-antwoorden', `a${i}.bin`), bytes);
  opgenomen.push({ pad: e.pad, bestand: `a${i}.bin`, contentType: r.headers.get('content-type'), eTag: r.headers.get('etag'), cacheControl: r.headers.get('cache-control') });
}
writeFileSync(join(uit, 'rand-antwoorden', 'antwoorden.json'), JSON.stringify(opgenomen));
start('dotnet', [join(root, 'bench/VoortgangApi.Bench/bin/Release/net10.0/VoortgangApi.Bench.dll'), 'basislijn', '--poort', `${kaal}`, '--map', join(uit, 'rand-antwoorden')]);
await wachtOp(`http://127.0.0.1:${kaal}/api/v1/themas`);

// Two edges with the same VCL: one in front of the API, one in front of the static origin.
const vcl = readFileSync(join(root, 'edge/voortgang.vcl'), 'utf8');
function varnish(poort, achter, naam) {
  const bestand = join(uit, `${naam}.vcl`);
  writeFileSync(bestand, vcl.replace('@API_POORT@', `${achter}`).replace('@BLOB_POORT@', blob).replaceAll('@ACCOUNT@', 'devstoreaccount1').replaceAll('@CONTAINER@', 'open-data'));
  const map = join(uit, `${naam}-varnish`);
  start('varnishd', ['-F', '-j', 'none', '-n', map, '-a', `127.0.0.1:${poort}`, '-f', bestand, '-s', 'malloc,128m']);
  return map;
}
const mapApi = varnish(randApi, api, 'rand-api');
varnish(randStatisch, kaal, 'rand-statisch');
await wachtOp(`http://127.0.0.1:${randApi}/api/v1/themas`);
await wachtOp(`http://127.0.0.1:${randStatisch}/api/v1/themas`);
const backendReq = () => Number(execFileSync('varnishstat', ['-n', mapApi, '-1', '-f', 'MAIN.backend_req'], { encoding: 'utf8' }).trim().split(/\s+/)[1]);

// Interleaved rounds: edge→API, edge→static, host directly.
const metingen = eindpunten.map(() => ({ rand: [], statisch: [], host: [] }));
for (let r = 0; r < rondes; r++) {
  for (const [i, e] of eindpunten.entries()) {
    metingen[i].rand.push(wrk(`http://127.0.0.1:${randApi}${e.pad}`, [], duur));
    metingen[i].statisch.push(wrk(`http://127.0.0.1:${randStatisch}${e.pad}`, [], duur));
    metingen[i].host.push(wrk(`http://127.0.0.1:${api}${e.pad}`, [], duur));
  }
}
const beste = (xs) => xs.reduce((a, b) => (b.rps > a.rps ? b : a));
const lezen = eindpunten.map((e, i) => {
  const [rand, statisch, host] = [beste(metingen[i].rand), beste(metingen[i].statisch), beste(metingen[i].host)];
  return { eindpunt: e.naam, bytes: e.bytes, rand, statisch, host, verhouding: Number((rand.rps / statisch.rps).toFixed(2)), randTovHost: Number((rand.rps / host.rps).toFixed(1)) };
});

// Writes through the host (as an official), reads through the edge (as the public). The read rounds outlast Kestrel's
// keep-alive (130 s), so the host has closed fetch's pooled connection of the start: a request that meets a closed
// socket is sent once more on a new connection (a status write repeated by this is one more line of the same status,
// which changes no figure of the bench).
async function haal(url, init) {
  try {
    return await fetch(url, init);
  } catch (e) {
    if (e.cause?.code !== 'UND_ERR_SOCKET') throw e;
    return fetch(url, init);
  }
}
const tokenAntwoord = await haal(`http://127.0.0.1:${api}/connect/token`, { method: 'POST', body: new URLSearchParams({
  grant_type: 'client_credentials', client_id: 'voortgang-vastleggen', client_secret: 'ontwikkelgeheim', scope: 'api://voortgang-api/.default' }) });
const { access_token: token } = await tokenAntwoord.json();
const item = '/api/v1/oplossingsrichtingen/GE-02';
async function schrijf(status) {
  const r = await haal(`http://127.0.0.1:${api}${item}/statussen`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ status, peildatum: '2025-01-01', zekerheid: 'afgeleid', toelichting: 'Meting van de rand.', bron: { titel: 'Meting', soort: 'nota' } }) });
  if (r.status !== 201) throw new Error(`schrijven gaf ${r.status}: ${await r.text()}`);
}
const statusAanDeRand = async () => (await (await haal(`http://127.0.0.1:${randApi}${item}`)).json()).status.status;

const zichtbaar = [];
for (let i = 0; i < 20; i++) {
  const nieuw = i % 2 === 0 ? 'gestopt' : 'in_uitvoering';
  await statusAanDeRand(); await statusAanDeRand(); // kept at the edge before the write
  await schrijf(nieuw);
  const t0 = performance.now();
  while ((await statusAanDeRand()) !== nieuw) {
    if (performance.now() - t0 > 30000) throw new Error('de rand toonde de schrijfactie niet binnen 30 s');
    await wacht(2);
  }
  zichtbaar.push(performance.now() - t0);
}

// Origin requests per 10,000 edge reads of one URL, right after a write (one new data version).
await schrijf('gerealiseerd');
await wacht(500);
const voor = backendReq();
const tienduizend = ab(`http://127.0.0.1:${randApi}/api/v1/overzicht`, 60, 32, 10000);
const oorsprong = backendReq() - voor;

const sorteer = (xs) => [...xs].sort((a, b) => a - b);
const uitkomst = {
  moment: new Date().toISOString(), duurSeconden: duur, rondes, lezen,
  oorsprongPer10000Lezingen: oorsprong, lezingen: tienduizend.aantal, fouten: tienduizend.fouten,
  schrijvenTotRandMs: { mediaan: Number(mediaan(zichtbaar).toFixed(1)), p95: Number(sorteer(zichtbaar)[Math.ceil(zichtbaar.length * 0.95) - 1].toFixed(1)), max: Number(Math.max(...zichtbaar).toFixed(1)) },
};
const bestand = join(uit, `rand-${uitkomst.moment.replace(/[:.]/g, '-')}.json`);
writeFileSync(bestand, JSON.stringify(uitkomst, null, 2));

const pad = (s, n) => String(s).padEnd(n);
console.log('\nDe rand (Varnish, edge/voortgang.vcl) — lezen, req/s (p50/p99 ms); beste van de rondes');
console.log(pad('eindpunt', 30) + pad('bytes', 8) + pad('rand→API', 22) + pad('rand→statisch', 22) + pad('÷', 7) + pad('host direct', 22) + 'rand ÷ host');
for (const l of lezen) {
  const f = (m) => `${Math.round(m.rps)} (${m.p50}/${m.p99})`;
  console.log(pad(l.eindpunt, 30) + pad(l.bytes, 8) + pad(f(l.rand), 22) + pad(f(l.statisch), 22) + pad(l.verhouding, 7) + pad(f(l.host), 22) + l.randTovHost);
}
console.log(`oorsprong: ${oorsprong} verzoeken bij ${tienduizend.aantal} lezingen van /overzicht via de rand na één schrijfactie (${tienduizend.fouten} fouten)`);
console.log(`van het antwoord op een schrijfactie tot de nieuwe stand aan de rand: mediaan ${uitkomst.schrijvenTotRandMs.mediaan} ms, p95 ${uitkomst.schrijvenTotRandMs.p95} ms, max ${uitkomst.schrijvenTotRandMs.max} ms (20 schrijfacties)`);
console.log(`JSON: ${bestand}`);
if (lezen.some((l) => l.rand.fouten > 0 || l.statisch.fouten > 0) || tienduizend.fouten > 0) {
  console.error('rand: er waren antwoorden die geen 2xx/3xx waren; de cijfers hierboven meten dan iets anders.');
  process.exitCode = 1;
}
stop();
process.exit(process.exitCode ?? 0);
