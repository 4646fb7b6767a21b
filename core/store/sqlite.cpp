// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/sqlite.h"

#include "util/error.h"

#include <atomic>
#include <sqlite3.h>

namespace ad::sql {

namespace {

QString sqliteMessage(sqlite3* db, int rc)
{
    if (db && sqlite3_errcode(db) != SQLITE_OK)
        return QString::fromUtf8(sqlite3_errmsg(db));
    return QString::fromUtf8(sqlite3_errstr(rc));
}

// UTF-16 → UTF-8 into a reused buffer (no allocation once it has grown). Lone surrogates become U+FFFD.
void encodeUtf8(QStringView s, QByteArray& out)
{
    const qsizetype n = s.size();
    if (out.capacity() < n * 3 + 1)
        out.reserve(n * 3 + 1);
    out.resize(n * 3);
    char* p = out.data();
    const char16_t* u = s.utf16();
    for (qsizetype i = 0; i < n; ++i) {
        char32_t c = u[i];
        if (c < 0x80) {
            *p++ = char(c);
            continue;
        }
        if (c < 0x800) {
            *p++ = char(0xC0 | (c >> 6));
            *p++ = char(0x80 | (c & 0x3F));
            continue;
        }
        if (c >= 0xD800 && c <= 0xDFFF) {
            if (c <= 0xDBFF && i + 1 < n && u[i + 1] >= 0xDC00 && u[i + 1] <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (u[i + 1] - 0xDC00);
                ++i;
                *p++ = char(0xF0 | (c >> 18));
                *p++ = char(0x80 | ((c >> 12) & 0x3F));
                *p++ = char(0x80 | ((c >> 6) & 0x3F));
                *p++ = char(0x80 | (c & 0x3F));
                continue;
            }
            c = 0xFFFD;
        }
        *p++ = char(0xE0 | (c >> 12));
        *p++ = char(0x80 | ((c >> 6) & 0x3F));
        *p++ = char(0x80 | (c & 0x3F));
    }
    out.resize(p - out.data());
}

} // namespace

// ---- Database ---------------------------------------------------------------------------------------

Database::Database(const QString& path, int flags) : m_path(path)
{
    // Once per process, before SQLite initialises: no memory statistics (sqlite3_memory_used() is never
    // read; keeping it takes a global mutex around every allocation: ~6 per INSERT of a bulk import).
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); // SQLITE_MISUSE if SQLite was initialised already: kept
        return true;
    }();
    Q_UNUSED(configured);
    int f = 0;
    if (flags & ReadOnly)
        f |= SQLITE_OPEN_READONLY;
    else
        f |= SQLITE_OPEN_READWRITE;
    if ((flags & Create) && !(flags & ReadOnly))
        f |= SQLITE_OPEN_CREATE;
    f |= SQLITE_OPEN_NOMUTEX; // one connection per thread
    const QByteArray name = path.toUtf8();
    const int rc = sqlite3_open_v2(name.constData(), &m_db, f, nullptr);
    if (rc != SQLITE_OK) {
        const QString msg = sqliteMessage(m_db, rc);
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        throw Error::internal(QStringLiteral("cannot open %1: %2").arg(path, msg));
    }
    sqlite3_extended_result_codes(m_db, 1);
}

Database::~Database()
{
    if (m_db)
        sqlite3_close_v2(m_db);
}

void Database::exec(QByteArrayView sql)
{
    // sqlite3_exec needs a NUL-terminated string.
    const QByteArray text = sql.toByteArray();
    char* err = nullptr;
    const int rc = sqlite3_exec(m_db, text.constData(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        const QString msg = err ? QString::fromUtf8(err) : sqliteMessage(m_db, rc);
        sqlite3_free(err);
        QString shown = QString::fromUtf8(text).simplified();
        if (shown.size() > 120)
            shown = shown.left(117) + u"...";
        throw Error::internal(QStringLiteral("SQLite error in \"%1\" (%2): %3").arg(shown, m_path, msg));
    }
}

qint64 Database::queryInt(QByteArrayView sql, qint64 fallback)
{
    Statement st(*this, sql, false);
    if (!st.step() || st.isNull(0))
        return fallback;
    return st.int64(0);
}

QString Database::queryText(QByteArrayView sql)
{
    Statement st(*this, sql, false);
    if (!st.step())
        return {};
    return st.text(0);
}

void Database::setBusyTimeout(int milliseconds)
{
    sqlite3_busy_timeout(m_db, milliseconds);
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

qint64 Database::changes() const
{
    return sqlite3_changes64(m_db);
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

QString Database::lastErrorMessage() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

int Database::lastErrorCode() const
{
    return sqlite3_extended_errcode(m_db);
}

void Database::fail(const QString& context) const
{
    throw Error::internal(QStringLiteral("%1 (%2): %3").arg(context, m_path, lastErrorMessage()));
}

void Database::checkpoint()
{
    int logFrames = 0, checkpointed = 0;
    const int rc =
        sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &logFrames, &checkpointed);
    if (rc != SQLITE_OK)
        fail(QStringLiteral("checkpoint failed"));
}

// ---- Statement --------------------------------------------------------------------------------------

Statement::Statement(Database& db, QByteArrayView sql, bool persistent) : m_db(&db)
{
    const int rc = sqlite3_prepare_v3(db.handle(), sql.data(), int(sql.size()),
                                      persistent ? SQLITE_PREPARE_PERSISTENT : 0, &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        const QString msg = sqliteMessage(db.handle(), rc);
        m_stmt = nullptr;
        throw Error::internal(
            QStringLiteral("SQLite cannot prepare \"%1\" (%2): %3")
                .arg(QString::fromUtf8(sql.data(), sql.size()).simplified(), db.path(), msg));
    }
    if (!m_stmt)
        throw Error::internal(QStringLiteral("SQLite: empty statement"));
    m_buffers.resize(size_t(sqlite3_bind_parameter_count(m_stmt)) + 1);
}

Statement::~Statement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr)), m_db(other.m_db), m_buffers(std::move(other.m_buffers))
{}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_db = other.m_db;
        m_buffers = std::move(other.m_buffers);
    }
    return *this;
}

QByteArray Statement::sql() const
{
    return m_stmt ? QByteArray(sqlite3_sql(m_stmt)) : QByteArray();
}

void Statement::check(int rc, const char* what) const
{
    if (rc == SQLITE_OK)
        return;
    throw Error::internal(QStringLiteral("SQLite %1 failed in \"%2\" (%3): %4")
                              .arg(QString::fromLatin1(what),
                                   QString::fromUtf8(sqlite3_sql(m_stmt)).simplified(), m_db->path(),
                                   sqliteMessage(m_db->handle(), rc)));
}

QByteArray& Statement::buffer(int index)
{
    if (index <= 0 || size_t(index) >= m_buffers.size())
        throw Error::internal(QStringLiteral("SQLite: parameter index %1 out of range in \"%2\"")
                                  .arg(index)
                                  .arg(QString::fromUtf8(sqlite3_sql(m_stmt))));
    return m_buffers[size_t(index)];
}

Statement& Statement::bind(int index, QStringView text)
{
    QByteArray& buf = buffer(index);
    encodeUtf8(text, buf);
    // A non-null pointer even for "": empty text, not NULL.
    check(sqlite3_bind_text(m_stmt, index, buf.isEmpty() ? "" : buf.constData(), int(buf.size()),
                            SQLITE_STATIC),
          "bind");
    return *this;
}

Statement& Statement::bindUtf8(int index, QByteArrayView utf8)
{
    QByteArray& buf = buffer(index);
    buf.resize(utf8.size());
    if (!utf8.isEmpty())
        memcpy(buf.data(), utf8.data(), size_t(utf8.size()));
    check(sqlite3_bind_text(m_stmt, index, buf.isEmpty() ? "" : buf.constData(), int(buf.size()),
                            SQLITE_STATIC),
          "bind");
    return *this;
}

Statement& Statement::bind(int index, qint64 value)
{
    check(sqlite3_bind_int64(m_stmt, index, value), "bind");
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    check(sqlite3_bind_double(m_stmt, index, value), "bind");
    return *this;
}

Statement& Statement::bindBlob(int index, const QByteArray& bytes)
{
    QByteArray& buf = buffer(index);
    buf = bytes; // shallow copy keeps the bytes alive until the next bind of this index
    check(sqlite3_bind_blob64(m_stmt, index, buf.isEmpty() ? "" : buf.constData(), sqlite3_uint64(buf.size()),
                              SQLITE_STATIC),
          "bind");
    return *this;
}

Statement& Statement::bindNull(int index)
{
    check(sqlite3_bind_null(m_stmt, index), "bind");
    return *this;
}

Statement& Statement::bind(int index, const QDateTime& when)
{
    if (!when.isValid())
        return bindNull(index);
    return bind(index, qint64(when.toMSecsSinceEpoch()));
}

int Statement::parameterIndex(const char* name) const
{
    const int i = sqlite3_bind_parameter_index(m_stmt, name);
    if (i == 0)
        throw Error::internal(QStringLiteral("SQLite: no parameter %1 in \"%2\"")
                                  .arg(QString::fromLatin1(name), QString::fromUtf8(sqlite3_sql(m_stmt))));
    return i;
}

int Statement::parameterCount() const
{
    return sqlite3_bind_parameter_count(m_stmt);
}

int Statement::tryStep()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        sqlite3_reset(m_stmt);
    return rc;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const QString msg = sqliteMessage(m_db->handle(), rc);
    sqlite3_reset(m_stmt);
    throw Error::internal(QStringLiteral("SQLite error in \"%1\" (%2): %3")
                              .arg(QString::fromUtf8(sqlite3_sql(m_stmt)).simplified(), m_db->path(), msg));
}

void Statement::exec()
{
    while (step()) {
    }
    sqlite3_reset(m_stmt);
}

void Statement::reset()
{
    if (m_stmt)
        sqlite3_reset(m_stmt);
}

void Statement::clearBindings()
{
    sqlite3_clear_bindings(m_stmt);
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString Statement::text(int column) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    if (!p)
        return {};
    return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column));
}

QByteArrayView Statement::utf8(int column) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    if (!p)
        return {};
    return QByteArrayView(p, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::blob(int column) const
{
    const auto* p = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    const int n = sqlite3_column_bytes(m_stmt, column);
    if (!p || n == 0)
        return QByteArray();
    return QByteArray(p, n);
}

std::optional<qint64> Statement::optInt64(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

std::optional<double> Statement::optReal(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return real(column);
}

std::optional<bool> Statement::optBool(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column) != 0;
}

QDateTime Statement::dateTime(int column) const
{
    if (isNull(column))
        return QDateTime();
    return fromMsecs(int64(column));
}

// ---- Transaction ------------------------------------------------------------------------------------

Transaction::Transaction(Database& db) : m_db(db)
{
    if (db.inTransaction()) {
        static std::atomic<quint64> counter{0};
        m_nested = true;
        m_savepoint = "ad_sp_" + QByteArray::number(++counter);
        db.exec(QByteArray("SAVEPOINT " + m_savepoint));
    } else {
        db.exec("BEGIN IMMEDIATE");
    }
}

Transaction::~Transaction()
{
    if (m_done)
        return;
    // Never throw from a destructor: a failed rollback leaves SQLite to roll back on close.
    if (m_nested) {
        const QByteArray sql = "ROLLBACK TO " + m_savepoint + "; RELEASE " + m_savepoint;
        sqlite3_exec(m_db.handle(), sql.constData(), nullptr, nullptr, nullptr);
    } else if (m_db.inTransaction()) {
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Transaction::commit()
{
    if (m_done)
        throw Error::internal(QStringLiteral("transaction committed twice"));
    if (m_nested)
        m_db.exec(QByteArray("RELEASE " + m_savepoint));
    else
        m_db.exec("COMMIT");
    m_done = true;
}

} // namespace ad::sql
