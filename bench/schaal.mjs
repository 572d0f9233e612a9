// The log-at-scale scenario behind ./bench.sh --schaal (issue 32). For each size N (default 1,000 and 100,000 lines;
// --aantallen 1000,100000,300000 for more where Azurite has the memory: LokiJS holds every entity, 13.4 GB at under a
// million lines here): a fresh Azurite, a synthetic programme 'schaal' of N valid lines with a letter every 5,000 lines
// (bench/VoortgangApi.Bench log), then for each app under measurement — the release before the checkpoints ('voor',
// built from git at VOOR_COMMIT in a worktree) and this checkout ('na') — on that same store: cold start (host and
// worker process to the first 200 of the programme's /themas, which needs its log), the first current read, uncached
// ?peildatum= reads, an uncached ?cyclus= read, status writes (the first apart), an item's history and feed (from the
// checkpoint's parts of that item), a read as known before the checkpoint (it waits for the whole index: how long a
// request that needs it waits after a start) and then the worker's RSS, with the whole index. Then the same log
// in one process for 1,000, 100,000 and 1,000,000 lines (--inproces; storage in memory, so without storage's latency).
// Loopback only. Prints the tables; JSON under .run/bench/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { vrijePoort, start, wachtOp, stop, gestopt, mediaan, azuriteEnApp, wacht } from './gereedschap.mjs';

const root = new URL('..', import.meta.url).pathname;
const uit = join(root, '.run', 'bench');
const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) => (v.startsWith('--') ? [...a, [v.slice(2), all[i + 1]]] : a), []));
// 1,000,000 lines need more memory for Azurite (LokiJS holds every entity: 13.4 GB at under a million here) than a 24 GB machine has beside the rest.
const aantallen = (args.aantallen ?? '1000,100000').split(',').map(Number);
const starts = Number(args.starts ?? 2);
// Status writes after the first (the median of 20 moved between 0.84× and 1.48× from one variant to the next on the same
// store in one run: a write is ~15 ms and the machine is shared, so more of them).
const schrijfaantal = Number(args.schrijven ?? 40);
if (!Number.isInteger(schrijfaantal) || schrijfaantal < 1) throw new Error(`--schrijven ${args.schrijven}: een geheel getal vanaf 1`);
// 'na' is this checkout as it deploys (dotnet publish: ReadyToRun for linux-x64, as azd builds it; bench.sh publishes it to
// .run/bench/na-publish), 'na-il' the same code as ./run.sh builds it (no ReadyToRun): the difference is the deployed build's.
const varianten = (args.varianten ?? 'voor,na,na-il').split(',').filter(Boolean);
// In one process as well (no Azurite): '--inproces 1000,100000,1000000' (the default), '--inproces' '' to skip.
const inproces = (args.inproces ?? '1000,100000,1000000').split(',').filter(Boolean).map(Number);
mkdirSync(uit, { recursive: true });
process.on('exit', stop);
process.on('SIGINT', () => { stop(); process.exit(130); });

const benchDll = join(root, 'bench/VoortgangApi.Bench/bin/Release/net10.0/VoortgangApi.Bench.dll');
const apps = {
  voor: { host: join(uit, 'voor/functions/VoortgangApi.LocalHost/bin/Release/net10.0/VoortgangApi.LocalHost.dll'), map: join(uit, 'voor/functions/VoortgangApi.Functions/bin/Release/net10.0') },
  na: { host: join(root, 'functions/VoortgangApi.LocalHost/bin/Release/net10.0/VoortgangApi.LocalHost.dll'), map: join(uit, 'na-publish') },
  'na-il': { host: join(root, 'functions/VoortgangApi.LocalHost/bin/Release/net10.0/VoortgangApi.LocalHost.dll'), map: join(root, 'functions/VoortgangApi.Functions/bin/Release/net10.0') },
};
const rss = (pid) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]);
const werker = (app) => Number(execFileSync('pgrep', ['-P', `${app.pid}`, '-f', 'VoortgangApi.Functions.dll'], { encoding: 'utf8' }).trim().split('\n')[0]);

async function tijd(url, init) {
  const t0 = performance.now();
  const r = await fetch(url, init);
  await r.arrayBuffer();
  const ms = performance.now() - t0;
  if (r.status >= 300) throw new Error(`${init?.method ?? 'GET'} ${url}: ${r.status}`);
  return ms;
}

async function meet(variant, n, omgeving, api, brieven) {
  const { host, map } = apps[variant];
  const basis = `http://127.0.0.1:${api}/api/v1`;
  const programma = `${basis}/programmas/schaal`;
  const env = { ...omgeving, Logging__LogLevel__Default: 'Warning' };
  let app = null;
  const koud = [];
  // This checkout keeps its checkpoints in the store: one start first (not measured) that writes them, as a deployed release has.
  if (variant.startsWith('na')) {
    app = start('dotnet', [host, '--AppMap', map, '--Poort', `${api}`], env);
    await wachtOp(`${programma}/themas`, 1800);
    execFileSync('dotnet', [benchDll, 'checkpunt', '--id', 'schaal', '--minstens', `${n}`, '--seconden', '1800'], { env: { ...process.env, Storage__ConnectionString: omgeving.Storage__ConnectionString }, stdio: 'inherit' });
    app.kill('SIGTERM');
    await gestopt(app);
  }
  for (let i = 0; i < starts; i++) {
    const t0 = performance.now();
    app = start('dotnet', [host, '--AppMap', map, '--Poort', `${api}`], env);
    await wachtOp(`${programma}/themas`, 1800);
    koud.push(performance.now() - t0);
    if (i < starts - 1) { app.kill('SIGTERM'); await gestopt(app); }
  }
  const huidig = await tijd(`${programma}/oplossingsrichtingen?pageSize=100`);
  const dagen = ['2021-03-15', '2022-07-01', '2023-11-20', '2024-02-29', '2025-06-30', '2020-09-09', '2022-01-31'];
  const peildatum = [];
  for (const d of dagen) peildatum.push(await tijd(`${programma}/oplossingsrichtingen?peildatum=${d}&pageSize=100`));
  const cyclus = await tijd(`${programma}/oplossingsrichtingen?cyclus=${brieven[Math.floor(brieven.length / 2)]}&pageSize=100`);
  const { access_token: token } = await (await fetch(`http://127.0.0.1:${api}/connect/token`, { method: 'POST', body: new URLSearchParams({
    grant_type: 'client_credentials', client_id: 'voortgang-vastleggen', client_secret: 'ontwikkelgeheim', scope: 'api://voortgang-api/.default' }) })).json();
  const schrijven = [];
  let eersteSchrijven = null;
  for (let i = 0; i <= schrijfaantal; i++) {
    const body = JSON.stringify({ status: i % 2 ? 'in_uitvoering' : 'vertraagd', peildatum: '2025-12-31', zekerheid: 'afgeleid',
      toelichting: 'Meting van het schrijfpad bij een groot logboek.', bron: { titel: 'Meting', soort: 'overheid', datum: '2025-12-31' } });
    const ms = await tijd(`${programma}/oplossingsrichtingen/SO-${String((i % 200) + 1).padStart(3, '0')}/statussen`,
      { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
    if (i > 0) schrijven.push(ms); else eersteSchrijven = ms; // the first write also warms the write path's code: shown apart
  }
  // An item's history and feed come from its own parts; a read as known before the checkpoint needs the whole index
  // (read only when something needs it): then the memory with it.
  const historie = await tijd(`${programma}/oplossingsrichtingen/SO-001/historie`);
  // The release before checkpoints has no feed per item: '-' in its row.
  const feed = await tijd(`${programma}/oplossingsrichtingen/SO-002/feed`).catch((e) => (/: 404$/.test(e.message) ? null : Promise.reject(e)));
  // The worker's memory before the whole index (its head, the windows, item parts and segments read so far), then with it.
  const werkerKopMiB = Math.round(rss(werker(app)) / 1024);
  const heleIndex = await tijd(`${programma}/oplossingsrichtingen?peildatum=2024-01-01&bekendOp=2021-01-01T00:00:00Z&pageSize=100`);
  const werkerMiB = Math.round(rss(werker(app)) / 1024);
  app.kill('SIGTERM');
  await gestopt(app);
  return { variant, n, koudeStartMs: { mediaan: mediaan(koud), alle: koud }, eersteHuidigMs: huidig, eerstePeildatumMs: peildatum[0],
    peildatumMediaanMs: mediaan(peildatum), cyclusMs: cyclus, eersteSchrijvenMs: eersteSchrijven, schrijvenMediaanMs: mediaan(schrijven), historieMs: historie, feedMs: feed, heleIndexMs: heleIndex, werkerKopMiB, werkerMiB };
}

// The release before the checkpoints, built once from git in a worktree (skipped, with a message, without git history).
const voorCommit = process.env.VOOR_COMMIT ?? '21064a1';
if (varianten.includes('voor') && !existsSync(join(apps.voor.map, 'VoortgangApi.Functions.dll'))) {
  try {
    if (!existsSync(join(uit, 'voor'))) execFileSync('git', ['worktree', 'add', '--detach', '--force', join(uit, 'voor'), voorCommit], { cwd: root, stdio: 'inherit' });
    if (!existsSync(join(uit, 'voor/node_modules'))) symlinkSync(join(root, 'node_modules'), join(uit, 'voor/node_modules'));
    execFileSync('dotnet', ['build', join(uit, 'voor/functions/VoortgangApi.LocalHost'), '-c', 'Release', '-nologo', '-v', 'quiet'], { stdio: 'inherit' });
    execFileSync('dotnet', ['build', join(uit, 'voor/functions/VoortgangApi.Functions'), '-c', 'Release', '-nologo', '-v', 'quiet'], { stdio: 'inherit' });
  } catch (e) {
    console.error(`'voor' (${voorCommit}) niet te bouwen: ${String(e.message).split('\n')[0]}; alleen 'na' wordt gemeten.`);
    varianten.splice(varianten.indexOf('voor'), 1);
  }
}

const rijen = [];
for (const n of aantallen) {
  const api = await vrijePoort();
  const { verbinding, appEnv, azurite } = await azuriteEnApp(root, api, { NODE_OPTIONS: '--max-old-space-size=16384' });
  console.log(`» ${n} regels schrijven`);
  const vulling = JSON.parse(execFileSync('dotnet', [benchDll, 'log', '--id', 'schaal', '--regels', `${n}`],
    { encoding: 'utf8', env: { ...process.env, Storage__ConnectionString: verbinding }, maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop());
  console.log(`  geschreven in ${vulling.seconden} s, ${vulling.brieven.length} brieven`);
  for (const v of varianten) {
    console.log(`» ${v} bij ${n} regels`);
    const rij = { ...(await meet(v, n, appEnv, api, vulling.brieven)), vullenSeconden: vulling.seconden };
    rijen.push(rij);
    console.log(`  ${JSON.stringify(rij)}`); // each row as soon as it is measured: a long run that is stopped keeps what it had
  }
  azurite.kill('SIGTERM');
  await gestopt(azurite);
  await wacht(500);
}

const uitkomst = { moment: new Date().toISOString(), machine: { kernen: cpus().length, processor: cpus()[0]?.model }, voorCommit, rijen };
const bestand = join(uit, `schaal-${uitkomst.moment.replace(/[:.]/g, '-')}.json`);
writeFileSync(bestand, JSON.stringify(uitkomst, null, 2));
const r = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
console.log(`\nEen groot logboek (${cpus().length} kernen; koude start = host en werker tot de eerste 200 van /programmas/schaal/themas, mediaan van ${starts})`);
console.log('regels'.padEnd(10) + 'app'.padEnd(7) + 'koude start ms'.padEnd(16) + 'huidig ms'.padEnd(11) + 'peildatum 1e/med ms'.padEnd(21) + 'cyclus ms'.padEnd(11) + 'schrijven 1e/med ms'.padEnd(21) + 'historie ms'.padEnd(13) + 'feed ms'.padEnd(9) + 'hele index ms'.padEnd(15) + 'werker MiB (kop / hele index)');
for (const x of rijen) {
  console.log(`${x.n}`.padEnd(10) + x.variant.padEnd(7) + r(x.koudeStartMs.mediaan).padEnd(16) + r(x.eersteHuidigMs).padEnd(11)
    + `${r(x.eerstePeildatumMs)} / ${r(x.peildatumMediaanMs)}`.padEnd(21) + r(x.cyclusMs).padEnd(11) + `${x.eersteSchrijvenMs == null ? '-' : r(x.eersteSchrijvenMs)} / ${r(x.schrijvenMediaanMs)}`.padEnd(21) + (x.historieMs == null ? '-' : r(x.historieMs)).padEnd(13)
    + (x.feedMs == null ? '-' : r(x.feedMs)).padEnd(9) + (x.heleIndexMs == null ? '-' : r(x.heleIndexMs)).padEnd(15) + `${x.werkerKopMiB} / ${x.werkerMiB}`);
}
for (const v of ['na', 'na-il']) {
  const na = rijen.filter((x) => x.variant === v);
  if (na.length < 2) continue;
  const klein = na[0];
  const groot = na[na.length - 1];
  console.log(`${v}: koude start ${groot.n} ÷ ${klein.n} = ${(groot.koudeStartMs.mediaan / klein.koudeStartMs.mediaan).toFixed(2)}; ` +
    `schrijven ${groot.n} ÷ ${klein.n} = ${(groot.schrijvenMediaanMs / klein.schrijvenMediaanMs).toFixed(2)}`);
}

// The same log in one process, for sizes Azurite cannot hold: the app's own code on a store and checkpoints in memory
// (bench/VoortgangApi.Bench/Logschaalmeting.cs); storage's latency is not in these figures, the rows above have it.
if (inproces.length > 0) {
  console.log(`\nHet logboek in één proces (opslag in het geheugen; ${inproces.join(', ')} regels)`);
  const metingen = JSON.parse(execFileSync('dotnet', [benchDll, 'logschaal', '--regels', inproces.join(','), '--schemas', join(root, 'schemas')],
    { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop());
  uitkomst.inproces = metingen;
  writeFileSync(bestand, JSON.stringify(uitkomst, null, 2));
  console.log('regels'.padEnd(10) + 'vensters'.padEnd(10) + '1e checkpunt ms'.padEnd(17) + 'start ms'.padEnd(10) + 'huidig ms'.padEnd(11) + 'peildatum 1e/med ms'.padEnd(21)
    + 'schrijven 1e/med ms'.padEnd(21) + 'historie ms (regels)'.padEnd(22) + 'hele index ms'.padEnd(15) + 'logboek MiB: kop / hele index / losgelaten');
  for (const x of metingen) {
    console.log(`${x.regels}`.padEnd(10) + `${x.checkpuntVensters}`.padEnd(10) + r(x.checkpuntSchrijvenMs).padEnd(17) + r(x.startMs).padEnd(10) + r(x.eersteHuidigMs).padEnd(11)
      + `${r(x.eerstePeildatumMs)} / ${r(x.peildatumMediaanMs)}`.padEnd(21) + `${r(x.eersteSchrijvenMs)} / ${r(x.schrijvenMediaanMs)}`.padEnd(21)
      + `${r(x.historieMs)} (${x.historieRegels})${x.historieZonderIndex ? '' : '*'}`.padEnd(22) + r(x.heleIndexMs).padEnd(15)
      + `${x.kopMiB} / ${x.logboekMiB} / ${x.losgelatenMiB}${x.losgelatenOpKop ? '' : ' (niet losgelaten)'}`);
  }
  const [k, g] = [metingen[0], metingen[metingen.length - 1]];
  console.log(`in één proces: start ${g.regels} ÷ ${k.regels} = ${(g.startMs / k.startMs).toFixed(2)}; schrijven ${(g.schrijvenMediaanMs / k.schrijvenMediaanMs).toFixed(2)}`);
}
console.log(`JSON: ${bestand}`);
stop();
process.exit(0);
