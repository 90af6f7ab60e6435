#!/usr/bin/python3
# mkpki.py — make a test ICAO 9303-12 PKI: a CSCA, a document signer it issued,
# and a second, unrelated CSCA (for the "untrusted CSCA" case)
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage:
#   mkpki.py OUTDIR [--alg ALG] [--explicit] [--ds-not-before YYYYMMDDHHMMSSZ]
#            [--ds-not-after YYYYMMDDHHMMSSZ] [--country CC]
#
#   --alg        ecdsa-brainpoolP256r1 (default) | ecdsa-brainpoolP384r1 |
#                ecdsa-brainpoolP512r1 | ecdsa-p256 | ecdsa-p384 |
#                rsa-pkcs1 | rsa-pss | rsa-pss-key
#                (RSA keys are 2048 bits; rsa-pss signs the certificates with
#                RSASSA-PSS, SHA-256, salt 32; ECDSA signs with SHA-256, or SHA-384/
#                SHA-512 for the 384/512-bit curves); rsa-pss-key also makes the
#                keys themselves RSASSA-PSS keys (id-RSASSA-PSS in the SPKI)
#   --explicit   EC keys (CSCA, DS and other CSCA) are written with EXPLICIT
#                curve parameters instead of a named-curve OID, as the
#                Vietnamese CSCA in the ICAO master list does
#   --ds-not-before/--ds-not-after
#                the DS certificate's validity (default 20200101000000Z to
#                20451231235959Z, the same as the CSCAs); use a past
#                not-after to make an expired DS
#
# Writes into OUTDIR (created if missing):
#   csca.pem, csca.key             test CSCA (self-signed, CA:TRUE, pathlen 0,
#                                  keyUsage keyCertSign+cRLSign, SKI)
#   ds.pem, ds.key                 document signer issued by the CSCA
#                                  (keyUsage digitalSignature, AKI, SKI,
#                                  ICAO DocumentTypeList "ID")
#   ds.der                         the DS certificate in DER
#   other-csca.pem, other-csca.key an unrelated CSCA with the same subject DN
#                                  as csca.pem but another key
#   other-ds.pem, other-ds.key     a DS issued by other-csca
#   mls.pem, mls.key               a CSCA master list signer issued by the CSCA
#                                  (keyUsage digitalSignature, extendedKeyUsage
#                                  id-icao-cscaMasterListSigningKey); see mkml.py
# Keys are PEM PKCS#8 without a passphrase, mode 0600. Serial numbers and
# validity dates are fixed; only the keys (and so signatures) change per run.
# Needs the `openssl` command line (3.x).

import argparse
import os
import subprocess
import sys
import tempfile

ALGS = {
    'ecdsa-brainpoolP256r1': ('ec', 'brainpoolP256r1', 'sha256'),
    'ecdsa-brainpoolP384r1': ('ec', 'brainpoolP384r1', 'sha384'),
    'ecdsa-brainpoolP512r1': ('ec', 'brainpoolP512r1', 'sha512'),
    'ecdsa-p256': ('ec', 'prime256v1', 'sha256'),
    'ecdsa-p384': ('ec', 'secp384r1', 'sha384'),
    'rsa-pkcs1': ('rsa', 2048, 'sha256'),
    'rsa-pss': ('rsa-pss', 2048, 'sha256'),
    'rsa-pss-key': ('rsa-pss-key', 2048, 'sha256'),
}

CSCA_NOT_BEFORE = '20200101000000Z'
CSCA_NOT_AFTER = '20451231235959Z'

# ICAO 9303-12 §7.1.1.3 DocumentTypeList: SEQUENCE { INTEGER 0, SET { PrintableString "ID" } }
DOC_TYPE_LIST = '2.23.136.1.1.6.2=DER:30:09:02:01:00:31:04:13:02:49:44'

CONF = """
[ ca ]
default_ca = testca
[ testca ]
dir = {dir}
database = {dir}/index.txt
new_certs_dir = {dir}
serial = {dir}/serial
policy = policy_any
unique_subject = no
copy_extensions = none
email_in_dn = no
[ policy_any ]
countryName = optional
organizationName = optional
organizationalUnitName = optional
commonName = supplied
serialNumber = optional
[ req ]
distinguished_name = req_dn
prompt = no
[ req_dn ]
CN = unused
[ ext_csca ]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
privateKeyUsagePeriod_placeholder = 1
[ ext_mls ]
keyUsage = critical, digitalSignature
extendedKeyUsage = 2.23.136.1.1.3
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[ ext_ds ]
keyUsage = critical, digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
{doctype}
"""


def run(args, **kw):
    r = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    if r.returncode != 0:
        sys.stderr.write('mkpki: %s failed:\n%s%s' % (' '.join(args),
                         r.stdout.decode(errors='replace'),
                         r.stderr.decode(errors='replace')))
        sys.exit(1)
    return r.stdout


def genkey(path, alg, explicit):
    kind, param, _ = ALGS[alg]
    if kind == 'ec':
        run(['openssl', 'genpkey', '-algorithm', 'EC',
             '-pkeyopt', 'ec_paramgen_curve:' + param,
             '-pkeyopt', 'ec_param_enc:' + ('explicit' if explicit else 'named_curve'),
             '-out', path])
    elif kind == 'rsa':
        run(['openssl', 'genpkey', '-algorithm', 'RSA',
             '-pkeyopt', 'rsa_keygen_bits:%d' % param, '-out', path])
    elif kind == 'rsa-pss-key':
        run(['openssl', 'genpkey', '-algorithm', 'RSA-PSS',
             '-pkeyopt', 'rsa_keygen_bits:%d' % param, '-out', path])
    else:
        # A plain rsaEncryption key: certificates and SODs are signed with
        # PSS padding, which is what deployed ICAO PKIs do.
        run(['openssl', 'genpkey', '-algorithm', 'RSA',
             '-pkeyopt', 'rsa_keygen_bits:%d' % param, '-out', path])
    os.chmod(path, 0o600)


def sigopts(alg):
    kind, _, md = ALGS[alg]
    opts = ['-md', md]
    if kind in ('rsa-pss', 'rsa-pss-key'):
        opts += ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:32',
                 '-sigopt', 'rsa_mgf1_md:' + md]
    return opts


def make_ca(work, conf, alg, name, subj, key, cert, explicit):
    genkey(key, alg, explicit)
    csr = os.path.join(work, name + '.csr')
    run(['openssl', 'req', '-new', '-config', conf, '-key', key, '-subj', subj,
         '-out', csr] + sigopts(alg)[2:])
    run(['openssl', 'ca', '-batch', '-config', conf, '-selfsign', '-keyfile', key,
         '-in', csr, '-out', cert, '-notext', '-extensions', 'ext_csca',
         '-startdate', CSCA_NOT_BEFORE, '-enddate', CSCA_NOT_AFTER, '-utf8',
         '-subj', subj] + sigopts(alg))


def make_ds(work, conf, alg, name, subj, key, cert, ca_cert, ca_key, explicit,
            not_before, not_after, ext='ext_ds'):
    genkey(key, alg, explicit)
    csr = os.path.join(work, name + '.csr')
    run(['openssl', 'req', '-new', '-config', conf, '-key', key, '-subj', subj,
         '-out', csr] + sigopts(alg)[2:])
    run(['openssl', 'ca', '-batch', '-config', conf, '-cert', ca_cert,
         '-keyfile', ca_key, '-in', csr, '-out', cert, '-notext',
         '-extensions', ext, '-startdate', not_before, '-enddate', not_after,
         '-utf8', '-subj', subj] + sigopts(alg))


def main():
    p = argparse.ArgumentParser(description='Make a test CSCA/DS PKI')
    p.add_argument('outdir')
    p.add_argument('--alg', choices=sorted(ALGS), default='ecdsa-brainpoolP256r1')
    p.add_argument('--explicit', action='store_true')
    p.add_argument('--ds-not-before', default=CSCA_NOT_BEFORE)
    p.add_argument('--ds-not-after', default=CSCA_NOT_AFTER)
    p.add_argument('--country', default='VN')
    a = p.parse_args()

    if a.explicit and ALGS[a.alg][0] != 'ec':
        p.error('--explicit needs an ECDSA --alg')
    os.makedirs(a.outdir, exist_ok=True)
    out = lambda n: os.path.join(a.outdir, n)
    with tempfile.TemporaryDirectory(prefix='mkpki-') as work:
        conf = os.path.join(work, 'ca.cnf')
        with open(conf, 'w') as f:
            f.write(CONF.format(dir=work, doctype=DOC_TYPE_LIST)
                    .replace('privateKeyUsagePeriod_placeholder = 1\n', ''))
        open(os.path.join(work, 'index.txt'), 'w').close()
        with open(os.path.join(work, 'serial'), 'w') as f:
            f.write('1001\n')

        c = a.country
        csca_subj = '/C=%s/O=Tiep don test/OU=Test CSCA/CN=CSCA Test %s' % (c, c)
        make_ca(work, conf, a.alg, 'csca', csca_subj, out('csca.key'),
                out('csca.pem'), a.explicit)
        make_ds(work, conf, a.alg, 'ds',
                '/C=%s/O=Tiep don test/OU=Test DS/CN=Document Signer Test 1' % c,
                out('ds.key'), out('ds.pem'), out('csca.pem'), out('csca.key'),
                a.explicit, a.ds_not_before, a.ds_not_after)
        # Same DN as the real test CSCA: only the key (and SKI) tell them apart.
        make_ca(work, conf, a.alg, 'other-csca', csca_subj, out('other-csca.key'),
                out('other-csca.pem'), a.explicit)
        make_ds(work, conf, a.alg, 'other-ds',
                '/C=%s/O=Tiep don test/OU=Test DS/CN=Document Signer Test 1' % c,
                out('other-ds.key'), out('other-ds.pem'), out('other-csca.pem'),
                out('other-csca.key'), a.explicit, a.ds_not_before, a.ds_not_after)
        make_ds(work, conf, a.alg, 'mls',
                '/C=%s/O=Tiep don test/OU=Test CSCA/CN=Master List Signer Test' % c,
                out('mls.key'), out('mls.pem'), out('csca.pem'), out('csca.key'),
                a.explicit, CSCA_NOT_BEFORE, CSCA_NOT_AFTER, ext='ext_mls')
        run(['openssl', 'x509', '-in', out('ds.pem'), '-outform', 'DER',
             '-out', out('ds.der')])
    return 0


if __name__ == '__main__':
    sys.exit(main())
