// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Redaction for case reports that leave the abuse team (`report --redact`).
//
// Every e-mail address in a text is masked to its first character and the domain ("j***@example.com"),
// including the URL-encoded form ("jane%40example.com" -> "j***%40example.com"), except the addresses on
// the keep list: the sending account's own addresses (owner e-mail, verified From addresses) and those of
// linked accounts, which are the customer's identity, not subscribers'. Every IPv4 address keeps its
// first two octets ("203.0.*.*"); every IPv6 address keeps its first group ("2001:*:*"). A disabled
// redactor returns texts unchanged.

#include <QSet>
#include <QString>
#include <QStringList>

namespace ad::report {

class Redactor
{
public:
    Redactor() = default;
    Redactor(bool enabled, const QStringList& keepAddresses);

    bool enabled() const { return m_enabled; }
    QString apply(const QString& text) const;
    // Masks one address unconditionally (used by tests and for fields known to be a subscriber).
    static QString maskAddress(const QString& address);
    // A field known to hold one subscriber's address (evidence subscriber, list-file row, complaint
    // recipient): masked even when it is not a valid address ("andi@@yahoo.com" -> "a***@@yahoo.com",
    // "putri@" -> "p***@", "john.smith" -> "j***"), since a malformed row still names a person. The part
    // from the first "@" on is kept and redacted like any text (IP literals). Addresses on the keep list
    // and texts of a disabled redactor are returned unchanged.
    QString subscriber(const QString& address) const;

private:
    bool m_enabled = false;
    QSet<QString> m_keep; // lower-case
};

} // namespace ad::report
