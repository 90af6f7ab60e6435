/* tdn-chip-read.h — read a CCCD chip: access, files, identity, checks
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Strategy: PACE with the CAN (last 6 digits of the ID) when EF.CardAccess
 * advertises PACE, else (or when PACE is refused) BAC with each MRZ key
 * candidate in turn (the expiry rule can give several). Then EF.COM, DG1,
 * DG13, EF.SOD, DG14 and DG15 when EF.COM lists them, and DG2 only when
 * asked. Runs on whatever thread calls it; blocking.
 */
#pragma once

#include "tdn-chip-file.h"
#include "tdn-csca-store.h"
#include "tdn-identity.h"
#include "tdn-passive-auth.h"
#include "tdn-transceiver.h"

G_BEGIN_DECLS

typedef enum {
  TDN_CHIP_ACCESS_NONE,
  TDN_CHIP_ACCESS_BAC,
  TDN_CHIP_ACCESS_PACE,
} TdnChipAccess;

typedef enum {
  TDN_CHIP_CHECK_NOT_CHECKED,
  TDN_CHIP_CHECK_VALID,
  TDN_CHIP_CHECK_INVALID,
  TDN_CHIP_CHECK_UNTRUSTED_CSCA,
  TDN_CHIP_CHECK_NOT_SUPPORTED,
} TdnChipCheck;

/* What we know to get in: built by tdn_chip_keys_*() from the QR, the
 * typed ID (+ dates) or an MRZ key. Secrets: free with
 * tdn_chip_keys_free(), which wipes them. */
typedef struct {
  char      *can;        /* 6 digits, or NULL */
  GPtrArray *mrz_infos;  /* BAC MRZ information strings (24 chars), most likely first */
} TdnChipKeys;

TdnChipKeys *tdn_chip_keys_new         (void);
void         tdn_chip_keys_free        (TdnChipKeys *self);
/* From an identity (QR or typed): CAN from the ID, BAC keys from the
 * ID, date of birth and date of issue through the expiry rule. */
TdnChipKeys *tdn_chip_keys_from_identity (const TdnIdentity *identity);
/* "DOCNO,YYMMDD,YYMMDD" (document number, birth, expiry). */
gboolean     tdn_chip_keys_add_mrz_key (TdnChipKeys *self,
                                        const char  *text,
                                        GError     **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnChipKeys, tdn_chip_keys_free)

/* Called before each step ("access", a file name) and during file reads
 * with bytes done / expected (expected 0 while unknown). */
typedef void (*TdnChipStageFunc) (const char *stage,
                                  gsize       done,
                                  gsize       total,
                                  gpointer    user_data);

/* The identity as soon as it is read and checked, before the photo. */
typedef void (*TdnChipIdentityFunc) (const TdnIdentity *identity,
                                     TdnChipCheck       passive_auth,
                                     gpointer           user_data);

typedef struct {
  gboolean          read_photo;
  guint             max_le;        /* 0 = 0xDF */
  gboolean          extended;
  TdnChipStageFunc  stage;
  gpointer          stage_data;
  /* Passive authentication: the SOD is always checked when the card has
   * one; with no store (NULL) the result is at best untrusted_csca. */
  TdnCscaStore     *csca_store;
  TdnPassiveAuthFlags passive_auth_flags;
  GCancellable     *cancellable;   /* stops the read between APDUs */
  /* With read_photo: called on the reading thread once DG1, DG13, EF.SOD,
   * DG14/DG15 are read and passive authentication has checked them, just
   * before DG2 (most of the read's time), so that the patient sees their
   * identity seconds sooner. The final result checks DG2 as well. */
  TdnChipIdentityFunc identity_ready;
  gpointer          identity_ready_data;
} TdnChipReadOptions;

typedef struct {
  TdnIdentity  *identity;
  TdnChipAccess access;
  TdnChipCheck  passive_auth;
  char         *passive_auth_reason; /* "dg_hash_mismatch", … or NULL */
  TdnChipCheck  active_auth;
  TdnChipCheck  chip_auth;
  GHashTable   *dgs;           /* data group number → GBytes (1, 2, 13, 14, 15) */
  GBytes       *com;
  GBytes       *sod;
  GBytes       *photo;         /* JPEG/JPEG2000 bytes from DG2, or NULL */
  gboolean      photo_missing; /* asked for, but the card has none */
  guint         apdu_count;
  guint64       bytes_read;    /* file content */
  guint64       bytes_sent;
  guint64       bytes_received;
  gint64        read_ms;
} TdnChipResult;

TdnChipResult *tdn_chip_read (TdnTransceiver           *transceiver,
                              const TdnChipKeys        *keys,
                              const TdnChipReadOptions *options,
                              GError                  **error) G_GNUC_WARN_UNUSED_RESULT;
void           tdn_chip_result_free (TdnChipResult *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdnChipResult, tdn_chip_result_free)

const char *tdn_chip_access_to_string (TdnChipAccess access);
const char *tdn_chip_check_to_string  (TdnChipCheck  check);

/* The image inside DG2 (ISO 19794-5 in 75/7F61/7F60/5F2E); NULL when
 * none. */
GBytes     *tdn_dg2_extract_image (GBytes  *dg2,
                                   GError **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
