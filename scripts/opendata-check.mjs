// Offline checks of published open-data files; prints one JSON report on stdout.
//   node scripts/opendata-check.mjs shacl <shapes-dir> <catalogus.jsonld>
//   node scripts/opendata-check.mjs frictionless <profiles-dir> <datapackage.json>
// Reference files come from the caller (shared/ or VOORTGANG_SHARED); nothing is fetched.
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import rdf from '@zazuko/env-node'
import SHACLValidator from 'rdf-validate-shacl'
import jsonld from 'jsonld'
import { Parser } from 'n3'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'

const [mode, refDir, file] = process.argv.slice(2)

async function shacl () {
  const shapes = rdf.dataset()
  for (const name of (await readdir(refDir)).filter(n => n.endsWith('.ttl')).sort()) {
    shapes.addAll(new Parser().parse(await readFile(join(refDir, name), 'utf8')))
  }
  // No remote contexts: the catalogue carries its @context inline, so the loader refuses every URL.
  const documentLoader = async url => { throw new Error(`remote context not allowed offline: ${url}`) }
  const nquads = await jsonld.toRDF(JSON.parse(await readFile(file, 'utf8')), { format: 'application/n-quads', documentLoader })
  const data = rdf.dataset().addAll(new Parser({ format: 'N-Quads' }).parse(nquads))
  const report = await new SHACLValidator(shapes, { factory: rdf }).validate(data)
  const results = report.results.map(r => ({
    severity: r.severity?.value.split('#').pop(),
    focusNode: r.focusNode?.value,
    path: r.path?.value,
    message: r.message.map(m => m.value).join(' '),
    shape: r.sourceShape?.value
  }))
  return { triples: data.size, violations: results.filter(r => r.severity === 'Violation').length, results }
}

async function frictionless () {
  const profile = JSON.parse(await readFile(join(refDir, 'datapackage.json'), 'utf8'))
  const ajv = new Ajv({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addFormat('textarea', true) // a UI hint in the Frictionless profiles, not a constraint
  const validate = ajv.compile(profile)
  const valid = validate(JSON.parse(await readFile(file, 'utf8')))
  return { valid, errors: validate.errors ?? [] }
}

const run = { shacl, frictionless }[mode]
if (!run) {
  console.error('usage: opendata-check.mjs shacl|frictionless <reference-dir> <file>')
  process.exit(2)
}
console.log(JSON.stringify(await run(), null, 2))
