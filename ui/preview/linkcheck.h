// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace ad::preview {

// What the links table shows for one link.
struct LinkAssessment
{
    QString domain;         // target host in ASCII (punycode) form, lower-case; the domain of a mailto:
    bool deceptive = false; // the visible text names another domain, or the target is not a web/mail address
    QString reason;         // translated explanation when deceptive (or when the domain is an IDN)
};

// Domain-like tokens in visible text ("www.bank.example", "https://x.example/login", "user@y.example"),
// lower-case ASCII; file names with common extensions (report.pdf) are not domains.
QStringList domainsInText(const QString& text);

// True when `a` and `b` are the same host or one is a subdomain of the other ("www." ignored).
bool sameSite(const QString& a, const QString& b);

LinkAssessment assessLink(const QString& visibleText, const QString& href);

} // namespace ad::preview
