// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A small RAII layer over the SQLite C API, used only inside core/store (and by core/bundle's fast paths
// through CaseStore::database()). Every failure throws ad::Error::internal carrying SQLite's own message
// and the statement's SQL; callers that want to turn a constraint violation into an input error use
// Statement::tryStep() and look at the extended result code.
//
// Text is bound as UTF-8 through per-parameter buffers owned by the Statement (reused from row to row,
// so binding in a loop does not allocate once the buffers have grown), and is therefore safe to bind
// from temporaries. Blobs are bound by keeping a shallow (implicitly shared) copy of the QByteArray.

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>
#include <optional>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace ad::sql {

class Statement;

class Database
{
public:
    enum OpenFlag
    {
        ReadOnly = 0x1,
        ReadWrite = 0x2,
        Create = 0x4
    };
    // Opens the file (SQLITE_OPEN_URI is not used: the path is a plain file name). Extended result codes
    // are switched on. Throws Error::internal when the file cannot be opened at all.
    explicit Database(const QString& path, int flags = ReadWrite | Create);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    sqlite3* handle() const { return m_db; }
    const QString& path() const { return m_path; }

    // Runs one or more statements without results (schema scripts, pragmas that return nothing useful).
    void exec(QByteArrayView sql);
    // The first column of the first row of a query, or `fallback` when there is no row / it is NULL.
    qint64 queryInt(QByteArrayView sql, qint64 fallback = 0);
    QString queryText(QByteArrayView sql);

    void setBusyTimeout(int milliseconds);
    qint64 lastInsertRowId() const;
    qint64 changes() const;
    bool inTransaction() const; // false in autocommit mode
    QString lastErrorMessage() const;
    int lastErrorCode() const; // extended code
    // Throws Error::internal("<context>: <sqlite message>").
    [[noreturn]] void fail(const QString& context) const;

    // Moves everything from the WAL into the main file and truncates the WAL (no-op when not in WAL mode).
    void checkpoint();

private:
    sqlite3* m_db = nullptr;
    QString m_path;
};

class Statement
{
public:
    Statement() = default;
    // Prepares `sql` (one statement). `persistent` hints SQLite that it will be reused many times.
    Statement(Database& db, QByteArrayView sql, bool persistent = true);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    sqlite3_stmt* handle() const { return m_stmt; }
    QByteArray sql() const;

    // Binding; indexes are 1-based as in SQLite. Names include their prefix (":id").
    Statement& bind(int index, QStringView text);
    Statement& bind(int index, const QString& text) { return bind(index, QStringView(text)); }
    Statement& bind(int index, const char16_t* text) { return bind(index, QStringView(text)); }
    Statement& bindUtf8(int index, QByteArrayView utf8);
    Statement& bind(int index, qint64 value);
    Statement& bind(int index, int value) { return bind(index, qint64(value)); }
    Statement& bind(int index, bool value) { return bind(index, qint64(value ? 1 : 0)); }
    Statement& bind(int index, double value);
    Statement& bindBlob(int index, const QByteArray& bytes);
    Statement& bindNull(int index);
    Statement& bind(int index, std::nullopt_t) { return bindNull(index); }
    template <typename T> Statement& bind(int index, const std::optional<T>& value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }
    // Empty text binds NULL (optional text columns).
    Statement& bindTextOrNull(int index, QStringView text)
    {
        return text.isEmpty() ? bindNull(index) : bind(index, text);
    }
    // Timestamps are stored as INTEGER milliseconds since the epoch (UTC); invalid binds NULL.
    Statement& bind(int index, const QDateTime& when);
    template <typename T> Statement& bind(const char* name, const T& value)
    {
        return bind(parameterIndex(name), value);
    }
    int parameterIndex(const char* name) const; // throws when unknown
    int parameterCount() const;

    // Steps once: true when a row is available, false when done. Throws Error::internal on failure.
    bool step();
    // Steps once and returns SQLite's (extended) result code without throwing (SQLITE_ROW, SQLITE_DONE,
    // SQLITE_CONSTRAINT_UNIQUE, …). The statement is reset after an error.
    int tryStep();
    // Steps until done and resets (INSERT/UPDATE/DELETE). Throws on failure.
    void exec();
    void reset(); // keeps bindings
    void clearBindings();

    // Column access for the current row (0-based as in SQLite).
    int columnCount() const;
    bool isNull(int column) const;
    qint64 int64(int column) const;
    int integer(int column) const { return int(int64(column)); }
    bool boolean(int column) const { return int64(column) != 0; }
    double real(int column) const;
    QString text(int column) const;        // NULL gives a null QString
    QByteArrayView utf8(int column) const; // valid until the next step/reset
    QByteArray blob(int column) const;     // deep copy
    std::optional<qint64> optInt64(int column) const;
    std::optional<double> optReal(int column) const;
    std::optional<bool> optBool(int column) const;
    QDateTime dateTime(int column) const; // UTC; NULL gives an invalid QDateTime

private:
    void check(int rc, const char* what) const;
    QByteArray& buffer(int index);

    sqlite3_stmt* m_stmt = nullptr;
    Database* m_db = nullptr;
    std::vector<QByteArray> m_buffers; // per parameter: UTF-8 text or a shared blob, bound SQLITE_STATIC
};

// RAII resets a (cached) statement when leaving a scope, so an exception never leaves it mid-step.
class ResetGuard
{
public:
    explicit ResetGuard(Statement& st) : m_st(st) {}
    ~ResetGuard() { m_st.reset(); }
    ResetGuard(const ResetGuard&) = delete;
    ResetGuard& operator=(const ResetGuard&) = delete;

private:
    Statement& m_st;
};

// BEGIN IMMEDIATE … COMMIT; rolls back in the destructor unless committed. Nested inside an open
// transaction it becomes a SAVEPOINT (released on commit, rolled back to on destruction).
class Transaction
{
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();
    bool isNested() const { return m_nested; }

private:
    Database& m_db;
    bool m_nested = false;
    bool m_done = false;
    QByteArray m_savepoint;
};

// Millisecond UTC timestamps, as stored.
inline std::optional<qint64> toMsecs(const QDateTime& t)
{
    if (!t.isValid())
        return std::nullopt;
    return t.toMSecsSinceEpoch();
}
inline QDateTime fromMsecs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace ad::sql
