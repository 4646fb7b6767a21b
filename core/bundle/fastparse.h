// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Byte-level parsing of the bundle's CSV values, for the importer's row loops (no QString per field).
// Each function accepts exactly what its QString counterpart accepts, for ASCII input; callers take the
// QString path for a value with a byte >= 0x80, so the results and the error texts are the same either
// way. Timestamps: ad::time::parseIsoMs (core/util/timeutil.h), the byte form of ad::time::parseIso.
// tests/bundle/test_fastparse.cpp compares them.

#include <QByteArrayView>
#include <QtGlobal>

namespace ad::bundle::fast {

inline bool isAscii(QByteArrayView v)
{
    for (const char c : v)
        if (uchar(c) >= 0x80)
            return false;
    return true;
}

// The importer's id rule: 1 to 64 characters from A-Z a-z 0-9 . _ : -
inline bool isId(QByteArrayView v)
{
    if (v.isEmpty() || v.size() > 64)
        return false;
    for (const char c : v) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '.' || c == '_' || c == ':' || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace ad::bundle::fast
