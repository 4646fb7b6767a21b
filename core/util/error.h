// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <stdexcept>

namespace ad {

// The one error type core throws across its public interfaces.
//  - Input: the user's data or arguments are wrong (CLI exit code 2). `file`, `line` (1-based),
//    `column` and `value` say where, when known.
//  - Conflict: the request is valid but not allowed now (e.g. approving one's own terminate).
//  - Internal: anything else (I/O, database, out of memory) (CLI exit code 3).
class Error : public std::runtime_error
{
public:
    enum class Kind
    {
        Input,
        Conflict,
        Internal,
        Cancelled
    };

    Error(Kind kind, QString message, QString file = {}, qint64 line = 0, QString column = {},
          QString value = {});

    static Error input(QString message) { return Error(Kind::Input, std::move(message)); }
    static Error at(QString file, qint64 line, QString column, QString value, QString message)
    {
        return Error(Kind::Input, std::move(message), std::move(file), line, std::move(column),
                     std::move(value));
    }
    static Error internal(QString message) { return Error(Kind::Internal, std::move(message)); }
    static Error conflict(QString message) { return Error(Kind::Conflict, std::move(message)); }
    static Error cancelled() { return Error(Kind::Cancelled, QStringLiteral("cancelled by the user")); }

    Kind kind() const { return m_kind; }
    const QString& message() const { return m_message; }
    const QString& file() const { return m_file; }
    qint64 line() const { return m_line; }
    const QString& column() const { return m_column; }
    const QString& value() const { return m_value; }

    // "accounts.csv:7: column signup_at: value "2026-13-01": not an ISO 8601 timestamp"
    QString toString() const;

private:
    Kind m_kind;
    QString m_message, m_file;
    qint64 m_line;
    QString m_column, m_value;
};

} // namespace ad
