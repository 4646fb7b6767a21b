// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QDateTime>
#include <QString>
#include <optional>

namespace ad::time {

// Parses the case bundle's timestamps: ISO 8601 with an offset ("2026-03-01T09:30:00Z",
// "2026-03-01T16:30:00+07:00", fractional seconds allowed) or a date alone ("2026-03-01", meaning
// 00:00 UTC). ISO 8601's other extended forms are accepted too: minutes without seconds
// ("2026-03-01T09:30Z"), an offset without colon ("+0700"), a lower-case t/z. Anything else (no offset, a
// space instead of the T, impossible dates, any non-ASCII character) is std::nullopt. The result is in UTC.
std::optional<QDateTime> parseIso(QStringView text);

// The same parser on bytes, without QString or QDateTime (the importer's row loops): milliseconds
// since the epoch, i.e. parseIso(text)->toMSecsSinceEpoch(), or std::nullopt where parseIso fails.
std::optional<qint64> parseIsoMs(QByteArrayView text);

// Canonical storage form: UTC, seconds precision, "Z" suffix ("2026-03-01T09:30:00Z"); milliseconds are
// kept ("…:00.250Z") only when non-zero. An invalid QDateTime gives an empty string. Formatted by hand
// for the years 1-9999 (what QDateTime::toString gave, without QLocale), by QDateTime::toString beyond.
QString toIso(const QDateTime& utc);

// Whole days between two instants (b - a), counting 24-hour periods, negative if b is before a.
qint64 daysBetween(const QDateTime& a, const QDateTime& b);

// True when `then` is more than `years` calendar years before `now` (strictly: exactly N years is not).
bool moreThanYearsBefore(const QDateTime& then, const QDateTime& now, int years);

// moreThanYearsBefore(then, now, years) for many `then` and one `now`: the cut-off (now in UTC minus
// `years` calendar years, QDateTime::addYears) is computed once, each `then` compared by its milliseconds.
class YearsBefore
{
public:
    YearsBefore(const QDateTime& now, int years);
    // == moreThanYearsBefore(then, now, years)
    bool operator()(const QDateTime& then) const
    {
        if (m_valid && then.isValid())
            return then.toMSecsSinceEpoch() < m_cutoffMs;
        return then.toUTC() < m_cutoff;
    }
    // now.toUTC().addYears(-years)
    const QDateTime& cutoff() const { return m_cutoff; }

private:
    QDateTime m_cutoff;
    qint64 m_cutoffMs = 0;
    bool m_valid = false;
};

} // namespace ad::time
