// Reads one table of a published release with a Frictionless reader (npm datapackage), as a researcher would:
//   node scripts/frictionless-lees.mjs DIR RESOURCE   → JSON { velden, rijen, eerste } on stdout, exit 1 on any error.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { Package } = require('datapackage');
const [map, naam] = process.argv.slice(2);
const descriptor = JSON.parse(readFileSync(join(map, 'datapackage.json'), 'utf8'));
process.chdir(map); // the reader resolves resource paths against the working directory
const pakket = await Package.load(descriptor, map);
const resource = pakket.getResource(naam);
if (!resource) { console.error(`geen resource ${naam}`); process.exit(1); }
const rijen = await resource.read({ keyed: true, cast: true });
console.log(JSON.stringify({ velden: resource.headers, rijen: rijen.length, eerste: rijen[0] }));
