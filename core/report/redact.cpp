// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/redact.h"

#include <QRegularExpression>

namespace ad::report {

namespace {

const QRegularExpression& emailPattern()
{
    // atext of RFC 5322 (without the quoted forms), then "@" or its URL encoding, then a dotted domain.
    static const QRegularExpression re(
        QStringLiteral("([A-Za-z0-9!#$&'*+/=?^_`{|}~.\\-]+)(@|%40)([A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?"
                       "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?)+)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression& ipv4Pattern()
{
    static const QRegularExpression re(QStringLiteral("(?<![0-9.])((?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?["
                                                      "0-9])\\.(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?["
                                                      "0-9]))\\.(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-"
                                                      "9])\\.(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
                                                      "(?![0-9]|\\.[0-9])"));
    return re;
}

const QRegularExpression& ipv6Pattern()
{
    static const QRegularExpression re(
        QStringLiteral("(?<![0-9A-Za-z:])([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(?![0-9A-Za-z:])"));
    return re;
}

bool looksLikeIpv6(const QString& s)
{
    const int groups = int(s.count(QLatin1Char(':'))) + 1;
    if (s.contains(QLatin1String(":::")))
        return false;
    if (s.contains(QLatin1String("::")))
        return s.size() >= 3; // "::1", "fe80::1", "2001:db8::"
    bool letter = false;
    for (const QChar c : s)
        letter = letter || c.isLetter();
    // Clock times ("10:00:00") have three all-digit groups; a full address has eight.
    if (groups == 8)
        return true;
    return letter && groups >= 4;
}

} // namespace

Redactor::Redactor(bool enabled, const QStringList& keepAddresses) : m_enabled(enabled)
{
    for (const QString& a : keepAddresses)
        if (!a.trimmed().isEmpty())
            m_keep.insert(a.trimmed().toLower());
}

QString Redactor::maskAddress(const QString& address)
{
    const auto m = emailPattern().match(address);
    if (!m.hasMatch())
        return address;
    QString out = address;
    const QString local = m.captured(1);
    const QString masked = local.left(1) + QStringLiteral("***") + m.captured(2) + m.captured(3);
    out.replace(m.capturedStart(0), m.capturedLength(0), masked);
    return out;
}

QString Redactor::subscriber(const QString& address) const
{
    const QString a = address.trimmed();
    if (!m_enabled || a.isEmpty() || m_keep.contains(a.toLower()))
        return address;
    const qsizetype at = a.indexOf(QLatin1Char('@'));
    const QString local = at < 0 ? a : a.left(at);
    const QString rest = at < 0 ? QString() : a.mid(at);
    return local.left(1) + QStringLiteral("***") + apply(rest);
}

QString Redactor::apply(const QString& text) const
{
    if (!m_enabled || text.isEmpty())
        return text;
    QString out;
    out.reserve(text.size());
    // E-mail addresses.
    {
        qsizetype last = 0;
        auto it = emailPattern().globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            out += QStringView(text).mid(last, m.capturedStart(0) - last);
            QString local = m.captured(1);
            if (m.captured(2) != QLatin1String("@")) {
                // URL-encoded ("…?email=jane%40example.com"): the address starts after the URL's delimiters.
                const qsizetype cut = local.lastIndexOf(QRegularExpression(QStringLiteral("[?=&/#;]")));
                if (cut >= 0) {
                    out += QStringView(local).left(cut + 1);
                    local = local.mid(cut + 1);
                }
            }
            const QString address = (local + QLatin1Char('@') + m.captured(3)).toLower();
            if (m_keep.contains(address))
                out += m.captured(0);
            else
                out += local.left(1) + QStringLiteral("***") + m.captured(2) + m.captured(3);
            last = m.capturedEnd(0);
        }
        out += QStringView(text).mid(last);
    }
    // IPv4.
    {
        QString next;
        qsizetype last = 0;
        auto it = ipv4Pattern().globalMatch(out);
        while (it.hasNext()) {
            const auto m = it.next();
            next += QStringView(out).mid(last, m.capturedStart(0) - last);
            next += m.captured(1) + QStringLiteral(".*.*");
            last = m.capturedEnd(0);
        }
        next += QStringView(out).mid(last);
        out = next;
    }
    // IPv6.
    {
        QString next;
        qsizetype last = 0;
        auto it = ipv6Pattern().globalMatch(out);
        while (it.hasNext()) {
            const auto m = it.next();
            if (!looksLikeIpv6(m.captured(1)))
                continue;
            next += QStringView(out).mid(last, m.capturedStart(0) - last);
            const QString first = m.captured(1).section(QLatin1Char(':'), 0, 0);
            next += (first.isEmpty() ? QStringLiteral("*") : first) + QStringLiteral(":*:*");
            last = m.capturedEnd(0);
        }
        next += QStringView(out).mid(last);
        out = next;
    }
    return out;
}

} // namespace ad::report
