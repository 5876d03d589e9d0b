#!/usr/bin/env node
// Checks an audit receipt (SPEC §8) with nothing but Node.js (no npm packages): the chain's signed checkpoints are
// verified here, with the public key you trust, not by the service.
//
//   node scripts/verify-receipt.mjs --chain 34 --seq 12 --hash <64 hex> --url https://appeals.example.gov.cn \
//        [--public-key <base64>]
//   node scripts/verify-receipt.mjs --chain 34 --seq 12 --hash <64 hex> --checkpoints checkpoints-34.json \
//        --public-key <base64>
//
// --url fetches GET /api/audit/checkpoints?chain=… and the hash the service holds now (GET /api/audit/receipt…);
// --checkpoints reads a saved copy of that JSON instead (a province's webhook copy, an archive), offline.
// --public-key is the key to trust; without it the key the service publishes is used (and said so).
// Exit code: 0 valid, 1 not valid, 2 usage or network error.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkReceipt, keyIdOf } from '../lib/audit/checkpoint-signature.mjs';

async function main() {
  const { values } = parseArgs({
    options: {
      chain: { type: 'string' },
      seq: { type: 'string' },
      hash: { type: 'string' },
      url: { type: 'string' },
      checkpoints: { type: 'string' },
      'public-key': { type: 'string' },
    },
  });
  if (!values.chain || !values.seq || !values.hash || (!values.url && !values.checkpoints)) {
    console.error(
      'usage: node scripts/verify-receipt.mjs --chain C --seq N --hash H (--url U | --checkpoints FILE) [--public-key K]',
    );
    return 2;
  }
  const receipt = { chain: values.chain, seq: values.seq, hash: values.hash.toLowerCase() };
  let published;
  let currentHash;
  if (values.checkpoints) {
    published = JSON.parse(readFileSync(values.checkpoints, 'utf8'));
  } else {
    const base = values.url.replace(/\/$/, '');
    const response = await fetch(`${base}/api/audit/checkpoints?chain=${encodeURIComponent(receipt.chain)}`);
    if (!response.ok) throw new Error(`GET /api/audit/checkpoints answered ${response.status}`);
    published = await response.json();
    const query = new URLSearchParams(receipt).toString();
    const held = await fetch(`${base}/api/audit/receipt?${query}`);
    if (!held.ok) throw new Error(`GET /api/audit/receipt answered ${held.status}`);
    currentHash = (await held.json()).currentHash ?? '';
  }
  const publicKey = values['public-key'] ?? published.publicKey;
  if (!values['public-key'])
    console.log(`note: trusting the published key ${publicKey} (pass --public-key to pin one)`);
  if (!publicKey) throw new Error('no public key');
  const result = checkReceipt(receipt, { publicKey, checkpoints: published.checkpoints ?? [] }, currentHash);
  if (result.valid) {
    console.log(
      `VALID: chain ${receipt.chain} #${receipt.seq} is covered by checkpoint #${result.checkpoint.seq} of ${result.checkpoint.at}, signed by key ${keyIdOf(publicKey)}`,
    );
    return 0;
  }
  console.log(`NOT VALID: ${result.reason}${result.seq ? ` (checkpoint #${result.seq})` : ''}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
