// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/hash.h"

namespace ad {

QString sha256Hex(QByteArrayView bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace ad
