// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>

namespace ad {

// Lower-case hexadecimal SHA-256 of the bytes.
QString sha256Hex(QByteArrayView bytes);

// Incremental SHA-256 for streamed files.
class Sha256
{
public:
    Sha256() : m_hash(QCryptographicHash::Sha256) {}
    void add(QByteArrayView bytes) { m_hash.addData(bytes); }
    QString hex() const { return QString::fromLatin1(m_hash.result().toHex()); }

private:
    QCryptographicHash m_hash;
};

} // namespace ad
