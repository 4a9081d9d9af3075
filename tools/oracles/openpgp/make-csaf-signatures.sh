#!/usr/bin/env bash
# Signs two real CSAF documents with GnuPG, an independent OpenPGP implementation, so the tests check that
# Mamori's verifier accepts what a real provider's tooling produces (and refuses what it should).
#
#   bash tools/oracles/openpgp/make-csaf-signatures.sh
#
# Writes into mamori-app/src/test/resources/feeds/csaf/openpgp/:
#   ed25519.pub.asc            an Ed25519 primary key that signs (the common modern setup)
#   rsa-subkey.pub.asc         an RSA-3072 certify-only primary key with an RSA-3072 signing subkey
#   other.pub.asc              an unrelated Ed25519 key (signatures by it must not count)
#   revoked.pub.asc            an Ed25519 key that signed, then was revoked
#   expired.pub.asc            an Ed25519 key valid for one day from 2020-01-01 (expired now)
#   va-25-148-01.json.asc      detached binary signature by ed25519 (ASCII armour)
#   va-25-148-01.json.sig      the same kind of signature, binary (no armour)
#   va-25-148-01.json.rsa.asc  detached signature by the RSA signing subkey
#   icsma-25-160-01.json.text.asc  detached signature in text mode (signature type 0x01, CRLF canonical form)
#   icsma-25-160-01.json.other.asc signed by the unrelated key
#   icsma-25-160-01.json.revoked.asc signed by the revoked key
#   icsma-25-160-01.json.expired.asc signed by that key on 2020-01-01T12:00Z, while it was valid
#   icsma-25-160-01.json.sha1.asc  signed by ed25519 with SHA-1 as the digest (refused: weak hash)
#   FINGERPRINTS               fingerprint of each key, one "name<TAB>fingerprint" per line
# Keys are throw-away test keys with no passphrase; their secret halves are not kept.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
out="$repo/mamori-app/src/test/resources/feeds/csaf/openpgp"
docs="$repo/mamori-app/src/test/resources/feeds/csaf"
mkdir -p "$out"
export GNUPGHOME=$(mktemp -d)
trap 'gpgconf --kill all >/dev/null 2>&1 || true; rm -rf "$GNUPGHOME"' EXIT
g() { gpg --batch --quiet --pinentry-mode loopback --passphrase '' "$@"; }

fpr() { gpg --batch --with-colons --fingerprint "$1" | awk -F: '$1=="fpr"{print $10; exit}'; }

g --quick-gen-key 'Mamori Test CSAF Ed25519 <ed25519@csaf.example>' ed25519 sign never
g --quick-gen-key 'Mamori Test CSAF RSA <rsa@csaf.example>' rsa3072 cert never
RSA=$(fpr rsa@csaf.example)
g --quick-add-key "$RSA" rsa3072 sign never
g --quick-gen-key 'Mamori Test Other <other@csaf.example>' ed25519 sign never
g --quick-gen-key 'Mamori Test Revoked <revoked@csaf.example>' ed25519 sign never
g --faked-system-time 20200101T000000 --quick-gen-key 'Mamori Test Expired <expired@csaf.example>' ed25519 sign 1d

ED=$(fpr ed25519@csaf.example); OTHER=$(fpr other@csaf.example); REV=$(fpr revoked@csaf.example)
EXP=$(fpr expired@csaf.example)

g --local-user "$ED" --armor --detach-sign --output "$out/va-25-148-01.json.asc" "$docs/va-25-148-01.json"
g --local-user "$ED" --detach-sign --output "$out/va-25-148-01.json.sig" "$docs/va-25-148-01.json"
SUB=$(gpg --batch --with-colons --fingerprint --fingerprint "$RSA" | awk -F: '$1=="fpr"{n++} $1=="fpr" && n==2 {print $10; exit}')
g --local-user "$SUB!" --armor --detach-sign --output "$out/va-25-148-01.json.rsa.asc" "$docs/va-25-148-01.json"
g --local-user "$ED" --armor --textmode --detach-sign --output "$out/icsma-25-160-01.json.text.asc" \
  "$docs/icsma-25-160-01.json"
g --local-user "$OTHER" --armor --detach-sign --output "$out/icsma-25-160-01.json.other.asc" \
  "$docs/icsma-25-160-01.json"
g --local-user "$REV" --armor --detach-sign --output "$out/icsma-25-160-01.json.revoked.asc" \
  "$docs/icsma-25-160-01.json"
g --faked-system-time 20200101T120000 --local-user "$EXP" --armor --detach-sign \
  --output "$out/icsma-25-160-01.json.expired.asc" "$docs/icsma-25-160-01.json"
g --local-user "$ED" --digest-algo SHA1 --armor --detach-sign --output "$out/icsma-25-160-01.json.sha1.asc" \
  "$docs/icsma-25-160-01.json"

# revoke after signing: the revocation certificate gpg made at key generation, imported
sed 's/^:-----BEGIN/-----BEGIN/' "$GNUPGHOME/openpgp-revocs.d/$REV.rev" > "$GNUPGHOME/rev.asc"
g --import "$GNUPGHOME/rev.asc"

g --armor --export "$ED" > "$out/ed25519.pub.asc"
g --armor --export "$RSA" > "$out/rsa-subkey.pub.asc"
g --armor --export "$OTHER" > "$out/other.pub.asc"
g --armor --export "$REV" > "$out/revoked.pub.asc"
g --armor --export "$EXP" > "$out/expired.pub.asc"
printf 'ed25519\t%s\nrsa-subkey\t%s\nrsa-signing-subkey\t%s\nother\t%s\nrevoked\t%s\nexpired\t%s\n' \
  "$ED" "$RSA" "$SUB" "$OTHER" "$REV" "$EXP" > "$out/FINGERPRINTS"

# GnuPG's own verdicts, for the record (the tests assert the same outcomes)
for s in va-25-148-01.json.asc va-25-148-01.json.sig va-25-148-01.json.rsa.asc icsma-25-160-01.json.text.asc \
         icsma-25-160-01.json.other.asc icsma-25-160-01.json.revoked.asc icsma-25-160-01.json.expired.asc \
         icsma-25-160-01.json.sha1.asc; do
  doc="$docs/${s%%.json*}.json"
  if gpg --batch --status-fd 1 --verify "$out/$s" "$doc" 2>/dev/null | grep -qE '^\[GNUPG:\] VALIDSIG'; then
    v=$(gpg --batch --status-fd 1 --verify "$out/$s" "$doc" 2>/dev/null | grep -oE '^\[GNUPG:\] (GOODSIG|EXPKEYSIG|REVKEYSIG|BADSIG)' | head -1)
  else
    v=$(gpg --batch --status-fd 1 --verify "$out/$s" "$doc" 2>/dev/null | grep -oE '^\[GNUPG:\] (GOODSIG|EXPKEYSIG|REVKEYSIG|BADSIG|ERRSIG|NO_PUBKEY)' | head -1)
  fi
  printf '%s\t%s\n' "$s" "${v#\[GNUPG:\] }"
done > "$out/GNUPG-VERDICTS"
echo "gpg $(gpg --version | head -1 | awk '{print $3}'), $(date -u +%F)" >> "$out/GNUPG-VERDICTS"
cat "$out/GNUPG-VERDICTS"
