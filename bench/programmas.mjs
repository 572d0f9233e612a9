// The programme-isolation scenario behind ./bench.sh --programmas (issue 30, point 10). On loopback only, in one run:
// the standard programme's (A's) cold start, cached reads and uncached reads, first with a second programme B empty,
// then with B holding N log lines (default 100,000) — B's log loaded into the worker's memory too, by one read of B.
// A's figures should not move: its services, log and caches are its own. Prints a table; JSON under .run/bench/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { vrijePoort, start, wachtOp, stop, gestopt, mediaan, wrk, azuriteEnApp } from './gereedschap.mjs';

const root = new URL('..', import.meta.url).pathname;
const uit = join(root, '.run', 'bench');
const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) => (v.startsWith('--') ? [...a, [v.slice(2), all[i + 1]]] : a), []));
const regels = Number(args.regels ?? 100000);
const duur = Number(args.seconden ?? 5);
const starts = Number(args.starts ?? 3);
mkdirSync(uit, { recursive: true });
process.on('exit', stop);
process.on('SIGINT', () => { stop(); process.exit(130); });

const api = await vrijePoort();
const { verbinding, appEnv } = await azuriteEnApp(root, api);
const hostDll = join(root, 'functions/VoortgangApi.LocalHost/bin/Release/net10.0/VoortgangApi.LocalHost.dll');
const appMap = join(root, 'functions/VoortgangApi.Functions/bin/Release/net10.0');
const basis = `http://127.0.0.1:${api}/api/v1`;
let app = start('dotnet', [hostDll, '--AppMap', appMap, '--Poort', `${api}`], appEnv);
await wachtOp(`${basis}/themas`, 120); // the first start imports the seed: not measured

// Uncached reads of A: every request another peildatum and page size, so neither the answer cache nor a kept fold serves it.
const dagen = Array.from({ length: 900 }, (_, i) => new Date(Date.UTC(2023, 10, 10 + i)).toISOString().slice(0, 10));
writeFileSync(join(uit, 'ongecachet.lua'), `local dagen = {${dagen.map((d) => `"${d}"`).join(',')}}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/v1/oplossingsrichtingen?peildatum=" .. dagen[(math.floor(n / 100) % #dagen) + 1] .. "&pageSize=" .. ((n % 100) + 1))
end
`);

async function koudeStarts() {
  const tijden = [];
  for (let i = 0; i < starts; i++) {
    app.kill('SIGTERM');
    await gestopt(app);
    const t0 = performance.now();
    app = start('dotnet', [hostDll, '--AppMap', appMap, '--Poort', `${api}`], appEnv);
    await wachtOp(`${basis}/themas`, 120);
    tijden.push(performance.now() - t0);
  }
  return tijden;
}

function lezenVanA() {
  wrk(`${basis}/themas`, [], 4); // warm-up of the JIT after the start
  const gecachet = wrk(`${basis}/oplossingsrichtingen?pageSize=100`, [], duur);
  const ongecachet = wrk(`${basis}/oplossingsrichtingen`, ['-s', join(uit, 'ongecachet.lua')], duur);
  return { gecachet, ongecachet };
}

async function fase(naam) {
  const koud = await koudeStarts();
  let eersteLeesB = null;
  if (naam === 'vol') {
    const t0 = performance.now();
    const r = await fetch(`${basis}/programmas/meting-b/themas`);
    eersteLeesB = { status: r.status, ms: Math.round(performance.now() - t0) };
  }
  const { gecachet, ongecachet } = lezenVanA();
  return { naam, koudeStartMs: { mediaan: Math.round(mediaan(koud)), alle: koud.map(Math.round) }, eersteLeesB, gecachet, ongecachet };
}

const leeg = await fase('leeg');
const vullen = JSON.parse(execFileSync('dotnet', [join(root, 'bench/VoortgangApi.Bench/bin/Release/net10.0/VoortgangApi.Bench.dll'),
  'programma', '--id', 'meting-b', '--regels', `${regels}`], { encoding: 'utf8', env: { ...process.env, Storage__ConnectionString: verbinding } }).trim().split('\n').pop());
const vol = await fase('vol');

const verhouding = {
  koudeStart: vol.koudeStartMs.mediaan / leeg.koudeStartMs.mediaan,
  gecachetLezen: leeg.gecachet.rps / vol.gecachet.rps,
  ongecachetLezen: leeg.ongecachet.rps / vol.ongecachet.rps,
};
const uitkomst = { moment: new Date().toISOString(), machine: { kernen: cpus().length, processor: cpus()[0]?.model }, regelsInB: vullen.regels,
  vullenSeconden: vullen.seconden, leeg, vol, verhouding, binnen12: Object.values(verhouding).every((v) => v <= 1.2) };
const bestand = join(uit, `programmas-${uitkomst.moment.replace(/[:.]/g, '-')}.json`);
writeFileSync(bestand, JSON.stringify(uitkomst, null, 2));

const r = (x, d = 0) => (x ?? 0).toFixed(d);
console.log(`\nProgramma A (standaard) met programma B leeg en met B vol (${vullen.regels} logregels, gevuld in ${vullen.seconden} s), ${cpus().length} kernen, wrk -t2 -c32 -d${duur}s`);
console.log('meting'.padEnd(40) + 'B leeg'.padEnd(16) + 'B vol'.padEnd(16) + 'vol ÷ leeg (tijd) of leeg ÷ vol (req/s)');
console.log('koude start A, mediaan (ms)'.padEnd(40) + r(leeg.koudeStartMs.mediaan).padEnd(16) + r(vol.koudeStartMs.mediaan).padEnd(16) + r(verhouding.koudeStart, 2));
console.log('A gecachet, /oplossingsrichtingen (req/s)'.padEnd(40) + r(leeg.gecachet.rps).padEnd(16) + r(vol.gecachet.rps).padEnd(16) + r(verhouding.gecachetLezen, 2));
console.log('A ongecachet, ?peildatum=… (req/s)'.padEnd(40) + r(leeg.ongecachet.rps).padEnd(16) + r(vol.ongecachet.rps).padEnd(16) + r(verhouding.ongecachetLezen, 2));
console.log(`eerste lezing van B na de start (laadt B's ${vullen.regels} regels): ${vol.eersteLeesB.status}, ${vol.eersteLeesB.ms} ms`);
console.log(`fouten (niet-2xx): ${[leeg.gecachet, leeg.ongecachet, vol.gecachet, vol.ongecachet].reduce((t, m) => t + m.fouten, 0)}; binnen 1,2×: ${uitkomst.binnen12 ? 'ja' : 'nee'}`);
console.log(`JSON: ${bestand}`);
if ([leeg.gecachet, leeg.ongecachet, vol.gecachet, vol.ongecachet].some((m) => m.fouten > 0)) process.exitCode = 1;
stop();
process.exit(process.exitCode ?? 0);
