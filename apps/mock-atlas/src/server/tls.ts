import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TlsMaterial {
  readonly key: string;
  readonly cert: string;
  /** Where the certificate was written, for `curl --cacert` and NODE_EXTRA_CA_CERTS. */
  readonly certPath?: string;
  /** Removes what was written for a generated certificate (its temp directory); call after close. */
  readonly dispose?: () => void;
}

/** Reads a certificate and key the user supplied. */
export function readTls(certPath: string, keyPath: string): TlsMaterial {
  return { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8'), certPath };
}

/**
 * A fresh self-signed certificate for localhost, 127.0.0.1 and ::1, written to a temp
 * directory. It is its own CA, so clients can trust it with --cacert / NODE_EXTRA_CA_CERTS.
 */
export async function selfSignedTls(): Promise<TlsMaterial> {
  // Loaded here, not at the top: its X.509 library is a tenth of the mock's start-up time,
  // and only --tls without --tls-cert needs it (docs/benchmarks.md).
  const { generate } = await import('selfsigned');
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }] },
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), 'mock-atlas-tls-'));
  const certPath = join(dir, 'mock-atlas-cert.pem');
  writeFileSync(certPath, pems.cert);
  return { key: pems.private, cert: pems.cert, certPath, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
