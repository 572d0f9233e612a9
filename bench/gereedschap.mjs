// What both benchmark scripts need: free loopback ports, child processes that stop with the script, waiting for a 200,
// and the load generators (wrk; ab for HEAD, which wrk cannot measure).
import { spawn, execFileSync } from 'node:child_process';
import { createServer, connect } from 'node:net';

const processen = [];
export const vrijePoort = () => new Promise((ok) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); }); });
export const wacht = (ms) => new Promise((ok) => setTimeout(ok, ms));
export function start(cmd, argv, env = {}) {
  const p = spawn(cmd, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  p.stderr.on('data', () => {});
  processen.push(p);
  return p;
}
export async function wachtOp(url, seconden = 60) {
  const tot = Date.now() + seconden * 1000;
  while (Date.now() < tot) {
    try { if ((await fetch(url)).status === 200) return; } catch { /* not yet */ }
    await wacht(25);
  }
  throw new Error(`${url} antwoordt niet binnen ${seconden} s`);
}
/** Waits until something listens on the loopback port (Azurite takes longer than a second on a busy machine). */
export async function poortOpen(poort, seconden) {
  const tot = Date.now() + seconden * 1000;
  while (Date.now() < tot) {
    const open = await new Promise((ok) => { const s = connect(poort, '127.0.0.1', () => { s.end(); ok(true); }); s.on('error', () => ok(false)); });
    if (open) return;
    await wacht(100);
  }
  throw new Error(`niets luistert op poort ${poort} binnen ${seconden} s`);
}
export function stop() { for (const p of processen) { try { p.kill('SIGTERM'); } catch { /* gone */ } } }
export const gestopt = (p) => new Promise((ok) => (p.exitCode !== null ? ok() : p.once('exit', ok)));
export const mediaan = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
// HEAD requests for `seconden` (ab -i), or exactly `n` GET requests when n is given (then `seconden` only bounds the time).
export function ab(url, seconden, c = 32, n = null) {
  const tekst = execFileSync('ab', [...(n ? [] : ['-i']), '-k', '-q', `-c${c}`, `-t${seconden}`, '-n', `${n ?? 10000000}`, url], { encoding: 'utf8', maxBuffer: 1 << 22 });
  const pct = (n) => { const m = tekst.match(new RegExp(`\\s${n}%\\s+(\\d+)`)); return m ? Number(m[1]) : null; };
  const fout = tekst.match(/Non-2xx responses:\s+(\d+)/);
  const aantal = tekst.match(/Complete requests:\s+(\d+)/);
  return { rps: Number(tekst.match(/Requests per second:\s+([\d.]+)/)[1]), p50: pct(50), p99: pct(99), fouten: fout ? Number(fout[1]) : 0, aantal: aantal ? Number(aantal[1]) : null };
}
export function wrk(url, extra, seconden, c = 32) {
  const tekst = execFileSync('wrk', ['-t2', `-c${c}`, `-d${seconden}s`, '--latency', ...extra, url], { encoding: 'utf8' });
  const ms = (naam) => { const m = tekst.match(new RegExp(`\\s${naam}%\\s+([\\d.]+)(us|ms|s)`)); return m ? Number(m[1]) * ({ us: 0.001, ms: 1, s: 1000 }[m[2]]) : null; };
  const fout = tekst.match(/Non-2xx or 3xx responses: (\d+)/);
  return { rps: Number(tekst.match(/Requests\/sec:\s+([\d.]+)/)[1]), p50: ms('50'), p99: ms('99'), fouten: fout ? Number(fout[1]) : 0 };
}

/** Azurite in memory on free loopback ports (`root`: the repository), and the connection string and app settings to reach it. */
export async function azuriteEnApp(root, api, azuriteEnv = {}) {
  const [blob, queue, table] = await Promise.all([vrijePoort(), vrijePoort(), vrijePoort()]);
  const azurite = start(`${root}/node_modules/.bin/azurite`, ['--silent', '--inMemoryPersistence', '--disableTelemetry', '--skipApiVersionCheck', '--loose',
    '--blobHost', '127.0.0.1', '--blobPort', `${blob}`, '--queueHost', '127.0.0.1', '--queuePort', `${queue}`, '--tableHost', '127.0.0.1', '--tablePort', `${table}`], azuriteEnv);
  const sleutel = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
  const verbinding = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${sleutel};BlobEndpoint=http://127.0.0.1:${blob}/devstoreaccount1;` +
    `QueueEndpoint=http://127.0.0.1:${queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:${table}/devstoreaccount1;`;
  await poortOpen(table, 60);
  // Development: the only environment in which the app trusts the local host's development identity provider (the
  // writes measured need its token); nothing on the read path differs between Development and Production.
  const appEnv = { Storage__ConnectionString: verbinding, SNAPSHOT_SCHEDULE: '0 0 0 1 1 *', DOTNET_ENVIRONMENT: 'Development',
    Logging__LogLevel__Default: 'Warning', OpenData__ApiBaseUrl: `http://127.0.0.1:${api}/api/v1`,
    // The write path is measured from one client: its budget is set out of the way (the budget itself is a unit test's).
    Schrijfbudget__PerMinuut: '100000', Schrijfbudget__Piek: '100000' };
  return { verbinding, appEnv, azurite };
}
