// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/timeutil.h"

#include <QTimeZone>

namespace ad::time {

namespace {

bool digits(QStringView s, qsizetype from, qsizetype n, int* out)
{
    if (from + n > s.size())
        return false;
    int v = 0;
    for (qsizetype i = from; i < from + n; ++i) {
        const QChar c = s[i];
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
        v = v * 10 + (c.unicode() - '0');
    }
    *out = v;
    return true;
}

} // namespace

std::optional<QDateTime> parseIso(QStringView s)
{
    int y = 0, mo = 0, d = 0;
    if (s.size() < 10 || !digits(s, 0, 4, &y) || s[4] != QLatin1Char('-') || !digits(s, 5, 2, &mo) ||
        s[7] != QLatin1Char('-') || !digits(s, 8, 2, &d))
        return std::nullopt;
    const QDate date(y, mo, d);
    if (!date.isValid())
        return std::nullopt;
    if (s.size() == 10)
        return QDateTime(date, QTime(0, 0), Qt::UTC);
    if (s[10] != QLatin1Char('T') && s[10] != QLatin1Char('t') && s[10] != QLatin1Char(' '))
        return std::nullopt;
    int h = 0, mi = 0, sec = 0, ms = 0;
    if (!digits(s, 11, 2, &h) || s.size() < 16 || s[13] != QLatin1Char(':') || !digits(s, 14, 2, &mi))
        return std::nullopt;
    qsizetype pos = 16;
    if (pos < s.size() && s[pos] == QLatin1Char(':')) {
        if (!digits(s, pos + 1, 2, &sec))
            return std::nullopt;
        pos += 3;
        if (pos < s.size() && (s[pos] == QLatin1Char('.') || s[pos] == QLatin1Char(','))) {
            ++pos;
            int frac = 0, n = 0;
            while (pos < s.size() && s[pos].isDigit()) {
                if (n < 3) {
                    frac = frac * 10 + (s[pos].unicode() - '0');
                    ++n;
                }
                ++pos;
            }
            if (n == 0)
                return std::nullopt;
            while (n < 3) {
                frac *= 10;
                ++n;
            }
            ms = frac;
        }
    }
    if (h == 24 && mi == 0 && sec == 0 && ms == 0)
        return std::nullopt; // not accepted: ambiguous end-of-day form
    const QTime time(h, mi, sec, ms);
    if (!time.isValid())
        return std::nullopt;
    if (pos >= s.size())
        return std::nullopt; // an offset is required
    int offset = 0;
    if (s[pos] == QLatin1Char('Z') || s[pos] == QLatin1Char('z')) {
        ++pos;
    } else if (s[pos] == QLatin1Char('+') || s[pos] == QLatin1Char('-')) {
        const int sign = s[pos] == QLatin1Char('-') ? -1 : 1;
        int oh = 0, om = 0;
        if (!digits(s, pos + 1, 2, &oh))
            return std::nullopt;
        pos += 3;
        if (pos < s.size() && s[pos] == QLatin1Char(':'))
            ++pos;
        if (!digits(s, pos, 2, &om))
            return std::nullopt;
        pos += 2;
        if (oh > 23 || om > 59)
            return std::nullopt;
        offset = sign * (oh * 3600 + om * 60);
    } else {
        return std::nullopt;
    }
    if (pos != s.size())
        return std::nullopt;
    QDateTime dt(date, time, Qt::OffsetFromUTC, offset);
    if (!dt.isValid())
        return std::nullopt;
    return dt.toUTC();
}

QString toIso(const QDateTime& dt)
{
    if (!dt.isValid())
        return {};
    const QDateTime utc = dt.toUTC();
    if (utc.time().msec() != 0)
        return utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    return utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

qint64 daysBetween(const QDateTime& a, const QDateTime& b)
{
    return a.secsTo(b) / 86400;
}

bool moreThanYearsBefore(const QDateTime& then, const QDateTime& now, int years)
{
    return then.toUTC() < now.toUTC().addYears(-years);
}

} // namespace ad::time
