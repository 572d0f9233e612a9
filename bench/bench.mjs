// The benchmark behind ./bench.sh. In one run, on loopback only: the API — the local Functions host forwarding to the
// worker process over Azurite, as in Azure — against a minimal Kestrel app that serves the API's own bytes from memory
// behind the same forwarding hop (the baseline), that app without the hop, and the smallest function app serving the
// same bytes through the same local host and protocol (the platform's floor); in interleaved rounds with wrk; cold
// start (host and worker process to the first 200); snapshot + publication for 500, 5,000 and 50,000 synthetic items;
// the write path; the RSS of host and worker.
// Prints a table and writes the same figures as JSON under .run/bench/.
import { execFileSync } from 'node:child_process';
import { vrijePoort, start, wachtOp, stop, gestopt, mediaan, ab, wrk, azuriteEnApp } from './gereedschap.mjs';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const uit = join(root, '.run', 'bench');
const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) => (v.startsWith('--') ? [...a, [v.slice(2), all[i + 1]]] : a), []));
const duur = Number(args.seconden ?? 6);
const rondes = Number(args.rondes ?? 3);
const aantallen = (args.aantallen ?? '500,5000,50000').split(',').map(Number);
mkdirSync(join(uit, 'antwoorden'), { recursive: true });

process.on('exit', stop);
process.on('SIGINT', () => { stop(); process.exit(130); });

// Azurite in memory, the app, and how to reach both.
const [api, kaal, basis, vloer] = await Promise.all([vrijePoort(), vrijePoort(), vrijePoort(), vrijePoort()]);
const { verbinding, appEnv } = await azuriteEnApp(root, api);
const hostDll = join(root, 'functions/VoortgangApi.LocalHost/bin/Release/net10.0/VoortgangApi.LocalHost.dll');
const appMap = join(root, 'functions/VoortgangApi.Functions/bin/Release/net10.0');
const startApp = () => start('dotnet', [hostDll, '--AppMap', appMap, '--Poort', `${api}`], appEnv);
let app = startApp();
await wachtOp(`http://127.0.0.1:${api}/api/v1/themas`, 120);

// The answers to measure, recorded from the API itself; the baseline serves exactly these bytes.
const eindpunten = [
  { naam: '/themas', pad: '/api/v1/themas' },
  { naam: '/overzicht', pad: '/api/v1/overzicht' },
  { naam: '/oplossingsrichtingen (100)', pad: '/api/v1/oplossingsrichtingen?pageSize=100' },
  { naam: '?cyclus=najaar-2024 (100)', pad: '/api/v1/oplossingsrichtingen?cyclus=najaar-2024&pageSize=100' },
  { naam: '304 /themas', pad: '/api/v1/themas', etag: true },
  { naam: 'HEAD /themas (ab)', pad: '/api/v1/themas', head: true },
];
const opgenomen = [];
for (const e of eindpunten) {
  const r = await fetch(`http://127.0.0.1:${api}${e.pad}`);
  const bytes = Buffer.from(await r.arrayBuffer());
  e.etagWaarde = r.headers.get('etag');
  e.bytes = bytes.length;
  if (!opgenomen.some((o) => o.pad === e.pad)) {
    const bestand = `a${opgenomen.length}.bin`;
    writeFileSync(join(uit, 'antwoorden', bestand), bytes);
    opgenomen.push({ pad: e.pad, bestand, contentType: r.headers.get('content-type'), eTag: e.etagWaarde, cacheControl: r.headers.get('cache-control') });
  }
}
writeFileSync(join(uit, 'antwoorden', 'antwoorden.json'), JSON.stringify(opgenomen));
const benchDll = join(root, 'bench/VoortgangApi.Bench/bin/Release/net10.0/VoortgangApi.Bench.dll');
start('dotnet', [benchDll, 'basislijn', '--poort', `${kaal}`, '--map', join(uit, 'antwoorden')]);
start('dotnet', [benchDll, 'hop', '--poort', `${basis}`, '--doel', `http://127.0.0.1:${kaal}/`]);
await wachtOp(`http://127.0.0.1:${basis}/api/v1/themas`);
start('dotnet', [hostDll, '--AppMap', join(root, 'bench/VoortgangApi.Bench.Werker/bin/Release/net10.0'), '--Poort', `${vloer}`],
  { BENCH_ANTWOORDEN: join(uit, 'antwoorden'), Logging__LogLevel__Default: 'Warning', DOTNET_ENVIRONMENT: 'Production' });
await wachtOp(`http://127.0.0.1:${vloer}/api/v1/themas`, 120);
const tokenAntwoord = await fetch(`http://127.0.0.1:${api}/connect/token`, { method: 'POST', body: new URLSearchParams({
  grant_type: 'client_credentials', client_id: 'voortgang-vastleggen', client_secret: 'ontwikkelgeheim', scope: 'api://voortgang-api/.default' }) });
const { access_token: token } = await tokenAntwoord.json();
writeFileSync(join(uit, 'post.lua'), `wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer ${token}"
wrk.body = '{"status":"in_uitvoering","peildatum":"2025-01-01","zekerheid":"afgeleid","toelichting":"Meting van het schrijfpad.","bron":{"titel":"Meting","soort":"nota"}}'
`);

const extra = (e) => (e.etag ? ['-H', `If-None-Match: ${e.etagWaarde}`] : []);
const meet = (e, url, seconden) => (e.head ? ab(url, seconden) : wrk(url, extra(e), seconden));
// Warm-up: the tiered JIT of host and worker needs several seconds of load before it settles.
const poortVan = { api, basis, kaal, vloer };
for (const p of Object.values(poortVan)) wrk(`http://127.0.0.1:${p}${eindpunten[0].pad}`, [], 8);
for (const e of eindpunten) { for (const p of Object.values(poortVan)) meet(e, `http://127.0.0.1:${p}${e.pad}`, 1); }

const metingen = Object.fromEntries(eindpunten.map((e) => [e.naam, { api: [], basis: [], kaal: [], vloer: [] }]));
const volgordes = [['api', 'basis', 'kaal', 'vloer'], ['basis', 'vloer', 'api', 'kaal'], ['vloer', 'kaal', 'basis', 'api']];
for (let r = 0; r < rondes; r++) {
  for (const e of eindpunten) {
    for (const kant of volgordes[r % volgordes.length]) {
      metingen[e.naam][kant].push(meet(e, `http://127.0.0.1:${poortVan[kant]}${e.pad}`, duur));
    }
  }
}
const lezen = eindpunten.map((e) => {
  const m = metingen[e.naam];
  const a = { rps: mediaan(m.api.map((x) => x.rps)), p50: mediaan(m.api.map((x) => x.p50)), p99: mediaan(m.api.map((x) => x.p99)) };
  const b = { rps: mediaan(m.basis.map((x) => x.rps)), p50: mediaan(m.basis.map((x) => x.p50)), p99: mediaan(m.basis.map((x) => x.p99)) };
  const k = { rps: mediaan(m.kaal.map((x) => x.rps)) };
  const v = { rps: mediaan(m.vloer.map((x) => x.rps)), p99: mediaan(m.vloer.map((x) => x.p99)) };
  return { eindpunt: e.naam, bytes: e.bytes, api: a, basislijnAchterHop: b, basislijnZonderHop: k, kleinsteFunctieApp: v,
    verhouding: a.rps / b.rps, p99Verhouding: a.p99 / b.p99, hopVerhouding: b.rps / k.rps, vloerVerhouding: a.rps / v.rps,
    fouten: e.etag ? 0 : ['api', 'basis', 'vloer'].reduce((t, kant) => t + m[kant].reduce((s, x) => s + x.fouten, 0), 0) };
});
// Host and worker: the worker is the host's child process running VoortgangApi.Functions.dll.
const rss = (pid) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]);
const werkerPid = Number(execFileSync('pgrep', ['-P', `${app.pid}`, '-f', 'VoortgangApi.Functions.dll'], { encoding: 'utf8' }).trim().split('\n')[0]);
const rssKiB = { host: rss(app.pid), werker: rss(werkerPid) };

const schrijven = wrk(`http://127.0.0.1:${api}/api/v1/oplossingsrichtingen/ZD-01/statussen`, ['-s', join(uit, 'post.lua')], 5, 8);

// Cold start: host process start (it starts the worker and completes the handshake) to the first 200, five times over
// the same (filled) storage.
app.kill('SIGTERM');
await gestopt(app);
const koud = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  app = startApp();
  await wachtOp(`http://127.0.0.1:${api}/api/v1/themas`, 60);
  koud.push(performance.now() - t0);
  app.kill('SIGTERM');
  await gestopt(app);
}

const momentopnamen = aantallen.map((n) => JSON.parse(execFileSync('dotnet',
  [join(root, 'bench/VoortgangApi.Bench/bin/Release/net10.0/VoortgangApi.Bench.dll'), 'momentopname', '--aantal', `${n}`],
  { encoding: 'utf8', env: { ...process.env, Storage__ConnectionString: verbinding }, maxBuffer: 1 << 20 }).trim().split('\n').pop()));

const uitkomst = {
  moment: new Date().toISOString(), machine: { kernen: cpus().length, processor: cpus()[0]?.model, node: process.version },
  instellingen: { wrk: `-t2 -c32 -d${duur}s`, rondes }, lezen,
  koudeStartMs: { mediaan: Math.round(mediaan(koud)), alle: koud.map(Math.round) },
  momentopnameEnPublicatie: momentopnamen.map((m, i) => ({ ...m, verhoudingPer10x: i > 0 ? +(m.totaalSeconden / momentopnamen[i - 1].totaalSeconden).toFixed(2) : null })),
  schrijven: { statusregelsPerSeconde: Math.round(schrijven.rps), p99Ms: schrijven.p99, fouten: schrijven.fouten },
  rssNaLezenMiB: { host: Math.round(rssKiB.host / 1024), werker: Math.round(rssKiB.werker / 1024) },
};
const bestand = join(uit, `bench-${uitkomst.moment.replace(/[:.]/g, '-')}.json`);
writeFileSync(bestand, JSON.stringify(uitkomst, null, 2));

const pad = (s, n) => String(s).padEnd(n);
const getal = (x, d = 0) => (x ?? 0).toFixed(d);
console.log(`\nVoortgang API (lokale host → werkerproces) tegen de basislijn (zelfde bytes uit geheugen) achter dezelfde doorgeefhop, ${cpus().length} kernen,` +
  ` wrk -t2 -c32 -d${duur}s (HEAD: ab -k -c32), mediaan van ${rondes} rondes`);
console.log(pad('eindpunt', 30) + pad('bytes', 8) + pad('API req/s', 11) + pad('basis req/s', 13) + pad('verh.', 7) + pad('API p50/p99 ms', 17) +
  pad('basis p50/p99 ms', 18) + pad('zonder hop (verh.)', 20) + 'kleinste functie-app (API/die)');
for (const l of lezen) {
  console.log(pad(l.eindpunt, 30) + pad(l.bytes, 8) + pad(getal(l.api.rps), 11) + pad(getal(l.basislijnAchterHop.rps), 13) + pad(getal(l.verhouding, 2), 7) +
    pad(`${getal(l.api.p50, 2)}/${getal(l.api.p99, 2)}`, 17) + pad(`${getal(l.basislijnAchterHop.p50, 2)}/${getal(l.basislijnAchterHop.p99, 2)}`, 18) +
    pad(`${getal(l.basislijnZonderHop.rps)} (${getal(l.hopVerhouding, 2)})`, 20) + `${getal(l.kleinsteFunctieApp.rps)} (${getal(l.vloerVerhouding, 2)})`);
}
console.log(`koude start (hostproces start, werker inbegrepen → eerste 200): mediaan ${uitkomst.koudeStartMs.mediaan} ms (${uitkomst.koudeStartMs.alle.join(', ')})`);
for (const m of uitkomst.momentopnameEnPublicatie) {
  console.log(`momentopname + publicatie, ${m.aantal} items: ${m.totaalSeconden} s (momentopname ${m.momentopnameSeconden} s, publicatie ${m.publicatieSeconden} s)` +
    (m.verhoudingPer10x ? `, ×${m.verhoudingPer10x} per 10× items` : ''));
}
console.log(`schrijven: ${uitkomst.schrijven.statusregelsPerSeconde} statusregels/s via de API (8 verbindingen, p99 ${uitkomst.schrijven.p99Ms} ms, ${uitkomst.schrijven.fouten} fouten)`);
// A refused write is not a recorded one: with errors the rate above counts refusals, so the run fails rather than mislead.
if (uitkomst.schrijven.fouten > 0) {
  console.error(`schrijven: ${uitkomst.schrijven.fouten} antwoorden waren geen 2xx — de schrijfsnelheid hierboven is geen meting van vastleggingen.`);
  process.exitCode = 1;
}
console.log(`RSS na de leesmetingen: host ${uitkomst.rssNaLezenMiB.host} MiB, werker ${uitkomst.rssNaLezenMiB.werker} MiB`);
console.log(`JSON: ${bestand}`);
stop();
process.exit(0);
