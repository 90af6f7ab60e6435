/* tdn-base.h — everything in kiosk/base
 *
 * Copyright 2026 The Tiếp đón authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdn-clock.h"
#include "tdn-config.h"
#include "tdn-config-schema.h"
#include "tdn-i18n.h"
#include "tdn-json.h"
#include "tdn-log.h"
#include "tdn-main-context.h"
#include "tdn-mask.h"
#include "tdn-uuid.h"
