// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/timeutil.h"

#include <QVarLengthArray>

namespace ad::time {

namespace {

bool digits(QByteArrayView s, qsizetype from, qsizetype n, int* out)
{
    if (from + n > s.size())
        return false;
    int v = 0;
    for (qsizetype i = from; i < from + n; ++i) {
        const char c = s[i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    *out = v;
    return true;
}

bool isLeap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (QDate's), y >= 1.
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const qint64 era = y / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

} // namespace

std::optional<qint64> parseIsoMs(QByteArrayView s)
{
    int y = 0, mo = 0, d = 0;
    if (s.size() < 10 || !digits(s, 0, 4, &y) || s[4] != '-' || !digits(s, 5, 2, &mo) || s[7] != '-' ||
        !digits(s, 8, 2, &d))
        return std::nullopt;
    // QDate: no year 0, months 1-12, days of the month.
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > kDays[mo - 1] + (mo == 2 && isLeap(y) ? 1 : 0))
        return std::nullopt;
    const qint64 dayMs = daysFromCivil(y, mo, d) * 86400000LL;
    if (s.size() == 10)
        return dayMs;
    // ISO 8601 separates date and time with a T (a space is RFC 3339's readability variant, not ISO 8601,
    // and case-bundle.md asks for ISO 8601 and nothing else).
    if (s[10] != 'T' && s[10] != 't')
        return std::nullopt;
    int h = 0, mi = 0, sec = 0, ms = 0;
    if (!digits(s, 11, 2, &h) || s.size() < 16 || s[13] != ':' || !digits(s, 14, 2, &mi))
        return std::nullopt;
    qsizetype pos = 16;
    if (pos < s.size() && s[pos] == ':') {
        if (!digits(s, pos + 1, 2, &sec))
            return std::nullopt;
        pos += 3;
        if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
            ++pos;
            int frac = 0, n = 0;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
                if (n < 3) {
                    frac = frac * 10 + (s[pos] - '0');
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
    // QTime: 00:00:00.000 to 23:59:59.999 (24:00 is refused).
    if (h > 23 || mi > 59 || sec > 59)
        return std::nullopt;
    if (pos >= s.size())
        return std::nullopt; // an offset is required
    int offset = 0;
    if (s[pos] == 'Z' || s[pos] == 'z') {
        ++pos;
    } else if (s[pos] == '+' || s[pos] == '-') {
        const int sign = s[pos] == '-' ? -1 : 1;
        int oh = 0, om = 0;
        if (!digits(s, pos + 1, 2, &oh))
            return std::nullopt;
        pos += 3;
        if (pos < s.size() && s[pos] == ':')
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
    return dayMs + ((h * 60LL + mi) * 60 + sec - offset) * 1000 + ms;
}

std::optional<QDateTime> parseIso(QStringView s)
{
    // The grammar is ASCII: copy the UTF-16 text to bytes (a non-ASCII character is no timestamp).
    QVarLengthArray<char, 48> bytes(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s[i].unicode();
        if (c >= 0x80)
            return std::nullopt;
        bytes[i] = char(c);
    }
    const auto ms = parseIsoMs(QByteArrayView(bytes.constData(), bytes.size()));
    if (!ms)
        return std::nullopt;
    return QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC);
}

QString toIso(const QDateTime& dt)
{
    if (!dt.isValid())
        return {};
    const qint64 ms = dt.toMSecsSinceEpoch();
    // 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59.999Z: four-digit years, formatted here.
    constexpr qint64 kMin = -62135596800000LL, kMax = 253402300800000LL;
    if (ms >= kMin && ms < kMax) {
        qint64 days = ms / 86400000, rest = ms % 86400000;
        if (rest < 0) {
            rest += 86400000;
            --days;
        }
        // civil from days (proleptic Gregorian), the inverse of daysFromCivil
        const qint64 z = days + 719468;
        const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
        const qint64 doe = z - era * 146097;
        const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const qint64 mp = (5 * doy + 2) / 153;
        const int d = int(doy - (153 * mp + 2) / 5 + 1);
        const int m = int(mp < 10 ? mp + 3 : mp - 9);
        const int y = int(yoe + era * 400 + (m <= 2 ? 1 : 0));
        const int msec = int(rest % 1000);
        const int secs = int(rest / 1000);
        const int h = secs / 3600, mi = secs / 60 % 60, sec = secs % 60;
        char16_t buf[24];
        auto put2 = [&](int at, int v) {
            buf[at] = char16_t(u'0' + v / 10);
            buf[at + 1] = char16_t(u'0' + v % 10);
        };
        put2(0, y / 100);
        put2(2, y % 100);
        buf[4] = u'-';
        put2(5, m);
        buf[7] = u'-';
        put2(8, d);
        buf[10] = u'T';
        put2(11, h);
        buf[13] = u':';
        put2(14, mi);
        buf[16] = u':';
        put2(17, sec);
        qsizetype n = 19;
        if (msec != 0) {
            buf[19] = u'.';
            buf[20] = char16_t(u'0' + msec / 100);
            put2(21, msec % 100);
            n = 23;
        }
        buf[n++] = u'Z';
        return QString(reinterpret_cast<const QChar*>(buf), n);
    }
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

YearsBefore::YearsBefore(const QDateTime& now, int years) : m_cutoff(now.toUTC().addYears(-years))
{
    m_valid = m_cutoff.isValid();
    if (m_valid)
        m_cutoffMs = m_cutoff.toMSecsSinceEpoch();
}

} // namespace ad::time
