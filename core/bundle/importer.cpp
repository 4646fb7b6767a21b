// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle/importer.h"

#include "audit/chain.h"
#include "bundle/csvreader.h"
#include "bundle/fastparse.h"
#include "lists/screener.h"
#include "lists/u64set.h"
#include "mime/mime.h"
#include "mime/mimeutil.h"
#include "store/casestore.h"
#include "util/error.h"
#include "util/hash.h"
#include "util/timeutil.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUrl>
#include <QVarLengthArray>
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace ad::bundle {

namespace {

const QString kManifest = QStringLiteral("manifest.json");
const QString kAccounts = QStringLiteral("accounts.csv");
const QString kCampaigns = QStringLiteral("campaigns.csv");
const QString kLists = QStringLiteral("lists.csv");
const QString kEvidence = QStringLiteral("evidence.csv");
const QString kHistory = QStringLiteral("history.csv");
const QString kComplaintsCsv = QStringLiteral("complaints/complaints.csv");

enum class FileKind
{
    Ignored,
    Manifest,
    Accounts,
    Campaigns,
    Lists,
    Evidence,
    History,
    ComplaintsCsv,
    ListFile,
    Message,
    Mbox,
    Arf
};

struct Classified
{
    FileKind kind = FileKind::Ignored;
    QString accountId; // per-account files
    QString listId;    // list files
};

bool hasSuffix(const QString& name, QLatin1StringView suffix)
{
    return name.size() > suffix.size() && name.endsWith(suffix, Qt::CaseInsensitive);
}

Classified classify(const QString& path)
{
    if (path == kManifest)
        return {FileKind::Manifest, {}, {}};
    if (path == kAccounts)
        return {FileKind::Accounts, {}, {}};
    if (path == kCampaigns)
        return {FileKind::Campaigns, {}, {}};
    if (path == kLists)
        return {FileKind::Lists, {}, {}};
    if (path == kEvidence)
        return {FileKind::Evidence, {}, {}};
    if (path == kHistory)
        return {FileKind::History, {}, {}};
    if (path == kComplaintsCsv)
        return {FileKind::ComplaintsCsv, {}, {}};
    const QStringList parts = path.split(QLatin1Char('/'));
    if (parts.size() != 3)
        return {};
    const QString& account = parts[1];
    const QString& name = parts[2];
    if (parts[0] == QLatin1String("lists") && hasSuffix(name, QLatin1StringView(".csv")))
        return {FileKind::ListFile, account, name.left(name.size() - 4)};
    if (parts[0] == QLatin1String("messages") && hasSuffix(name, QLatin1StringView(".eml")))
        return {FileKind::Message, account, {}};
    if (parts[0] == QLatin1String("messages") && hasSuffix(name, QLatin1StringView(".mbox")))
        return {FileKind::Mbox, account, {}};
    if (parts[0] == QLatin1String("complaints") && hasSuffix(name, QLatin1StringView(".eml")))
        return {FileKind::Arf, account, {}};
    return {};
}

bool isId(QStringView s)
{
    if (s.isEmpty() || s.size() > 64)
        return false;
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                        u == '.' || u == '_' || u == ':' || u == '-';
        if (!ok)
            return false;
    }
    return true;
}

const QString kIdRule = QStringLiteral("not a valid id (1 to 64 characters from A-Z a-z 0-9 . _ : -)");
const QString kTimeRule = QStringLiteral(
    "not an ISO 8601 timestamp with offset (e.g. 2026-03-01T09:30:00Z) or a date (2026-03-01)");

QString oneOf(const QStringList& allowed)
{
    return QStringLiteral("not one of: ") + allowed.join(QStringLiteral(", "));
}

// Appends a JSON string literal (RFC 8259) to out.
void appendJsonString(QString& out, QStringView s)
{
    out += QLatin1Char('"');
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        switch (u) {
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        default:
            if (u < 0x20)
                out += QStringLiteral("\\u%1").arg(uint(u), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
}

// appendJsonString() for UTF-8 text, appending UTF-8: the same escapes (control characters, quote and
// backslash are ASCII, so they are recognised byte by byte), every other byte copied.
void appendJsonUtf8(QByteArray& out, QByteArrayView s)
{
    static const char kHex[] = "0123456789abcdef";
    out += '"';
    qsizetype from = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const uchar u = uchar(s[i]);
        if (u >= 0x20 && u != '"' && u != '\\')
            continue;
        out.append(s.sliced(from, i - from));
        from = i + 1;
        switch (u) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default: {
            const char esc[] = {'\\', 'u', '0', '0', kHex[u >> 4], kHex[u & 15]};
            out.append(esc, 6);
        }
        }
    }
    out.append(s.sliced(from));
    out += '"';
}

// The reason of a core/mime error, without a leading "<name>: " that repeats the file.
// Also drops a leading `redundant` (e.g. "not an e-mail message: ") that would repeat this importer's words.
QString reasonOf(const Error& e, const QString& path, QLatin1StringView redundant = {})
{
    QString reason = e.message();
    for (const QString& prefix : QStringList{path + QStringLiteral(": "), e.file() + QStringLiteral(": ")}) {
        if (prefix.size() > 2 && reason.startsWith(prefix))
            reason = reason.mid(prefix.size());
    }
    if (!redundant.isEmpty() && reason.startsWith(redundant, Qt::CaseInsensitive))
        reason = reason.mid(redundant.size());
    return reason;
}

// Line (1-based) of the first occurrence of `"key"` in a JSON text, for manifest errors.
qint64 jsonKeyLine(const QByteArray& text, const char* key)
{
    const QByteArray needle = QByteArray("\"") + key + "\"";
    const qsizetype at = text.indexOf(needle);
    if (at < 0)
        return 1;
    return 1 + text.left(at).count('\n');
}

// A message's record for the store: parses `raw` (core/mime) and derives what the store keeps. Pure (no
// importer state), so the message worker runs it on its own thread. Throws the importer's Input error
// for a message that is not mail.
StoredMessage buildMessage(const QString& path, const QString& account, int mboxIndex, const QByteArray& raw)
{
    const QString name =
        mboxIndex >= 0 ? QStringLiteral("%1 (message %2)").arg(path).arg(mboxIndex + 1) : path;
    mime::ParsedMessage pm;
    try {
        pm = mime::parseMessage(raw, name);
    } catch (const Error& e) {
        if (e.kind() != Error::Kind::Input)
            throw;
        const QString reason = reasonOf(e, name, QLatin1StringView("not an e-mail message: "));
        throw Error::at(path, 0, QString(), QString(),
                        mboxIndex >= 0 ? QStringLiteral("message %1 of the mbox is not an e-mail message: %2")
                                             .arg(mboxIndex + 1)
                                             .arg(reason)
                                       : QStringLiteral("not an e-mail message: %1").arg(reason));
    }
    StoredMessage m;
    m.accountId = account;
    m.campaignId = pm.campaignId;
    m.file = path;
    m.mboxIndex = mboxIndex;
    m.raw = raw;
    FileSha256 digest;
    digest.add(raw);
    m.sha256 = digest.hex();
    m.from = pm.from;
    m.subject = pm.subject;
    m.date = pm.date;
    m.text = pm.hasText ? pm.text : pm.htmlVisibleText;
    m.links = pm.links;
    for (const MessageLink& l : std::as_const(pm.links)) {
        const QUrl u(l.href.trimmed());
        const QString scheme = u.scheme().toLower();
        if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
            continue;
        const QString host = u.host().toLower();
        if (!host.isEmpty() && !m.linkDomains.contains(host))
            m.linkDomains.append(host);
    }
    m.listUnsubscribe = pm.listUnsubscribe;
    m.oneClickUnsubscribe = pm.oneClickUnsubscribe;
    m.spf = pm.spf;
    m.dkim = pm.dkim;
    m.dmarc = pm.dmarc;
    m.parseWarnings = pm.warnings;
    return m;
}

// Splits an .mbox file on "From " lines while streaming, so memory is bounded by the largest message; each
// piece (separator line included) goes through mime::splitMbox, which undoes the >From quoting, and every
// message to `sink(index, raw)`.
void readMbox(const QString& path, EntryReader& in, const std::function<void(int, const QByteArray&)>& sink)
{
    QByteArray pending; // bytes not yet split into lines
    QByteArray current; // the message being collected, starting with its "From " line
    int index = 0;
    bool first = true;
    const auto flush = [&] {
        if (current.isEmpty())
            return;
        QList<QByteArray> msgs;
        try {
            msgs = mime::splitMbox(current, path);
        } catch (const Error& e) {
            if (e.kind() != Error::Kind::Input)
                throw;
            throw Error::at(path, 0, QString(), QString(),
                            QStringLiteral("not an mbox file: %1")
                                .arg(reasonOf(e, path, QLatin1StringView("not an mbox file: "))));
        }
        for (const QByteArray& m : std::as_const(msgs))
            sink(index++, m);
        current.clear();
    };
    const auto line = [&](QByteArrayView l) {
        if (first) {
            first = false;
            if (!l.startsWith("From ")) {
                QByteArray head = l.toByteArray();
                try {
                    mime::splitMbox(head, path);
                } catch (const Error& e) {
                    if (e.kind() != Error::Kind::Input)
                        throw;
                    throw Error::at(path, 1, QString(), QString(),
                                    QStringLiteral("not an mbox file: %1")
                                        .arg(reasonOf(e, path, QLatin1StringView("not an mbox file: "))));
                }
                throw Error::at(path, 1, QString(), QString(),
                                QStringLiteral("not an mbox file: it does not start with a \"From \" line"));
            }
        } else if (l.startsWith("From ")) {
            flush();
        }
        current.append(l);
    };
    std::vector<char> buf(256 * 1024);
    for (;;) {
        const qint64 n = in.read(buf.data(), qint64(buf.size()));
        if (n <= 0)
            break;
        pending.append(buf.data(), qsizetype(n));
        qsizetype start = 0;
        for (;;) {
            const qsizetype nl = pending.indexOf('\n', start);
            if (nl < 0)
                break;
            line(QByteArrayView(pending).sliced(start, nl + 1 - start));
            start = nl + 1;
        }
        pending.remove(0, start);
    }
    if (!pending.isEmpty())
        line(pending);
    if (first)
        throw Error::at(path, 0, QString(), QString(), QStringLiteral("not an mbox file: the file is empty"));
    flush();
}

bool isMessageFile(FileKind k)
{
    return k == FileKind::Message || k == FileKind::Mbox;
}

// Parses the bundle's sample messages (messages/<account>/*.eml|*.mbox) on a thread of its own while the
// importer's thread writes the CSV rows: MIME parsing is most of a message's cost, and SQLite stays on the
// importer's thread and connection (the worker never touches the store). The worker reads the message
// files through its own handle (BundleSource::read with its own hook) in the bundle's order and hands over,
// in that order, through a bounded queue (kMaxItems items, kMaxBytes raw bytes: memory does not grow with
// the bundle): each message's record, each file's record (size, SHA-256) after its messages, and at the
// end either Done or the first error (an exception, rethrown by the importer's thread exactly where the
// file would have been read without the worker, so the reported error is the same). It stops at a folder
// of an undefined account (the importer reports that one itself, before it needs the items) and when told
// to (destructor: an error or a cancellation on the importer's side); the destructor joins it.
class MessageWorker
{
public:
    struct Item
    {
        enum Kind
        {
            Message,
            FileDone,
            Done,
            Failed,
            Stopped
        } kind = Done;
        qsizetype entry = -1; // index in BundleSource::entries() (the file's), -1 for Done/Stopped
        StoredMessage message;
        ImportedFile file;
        std::exception_ptr error;
    };

    // `kinds`: the kind of every entry (by index); it and `accountDefined` are only read, from both threads.
    MessageWorker(BundleSource& source, const std::vector<FileKind>& kinds,
                  std::function<bool(const QString& account)> accountDefined, const std::atomic<bool>* cancel)
        : m_source(source), m_kinds(kinds), m_accountDefined(std::move(accountDefined)), m_cancel(cancel)
    {
        mime::detail::ensureInitialised(); // once, on this thread (GMime, libxml2)
        m_thread = std::thread([this] { work(); });
    }
    ~MessageWorker()
    {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_stop = true;
        }
        m_space.notify_all();
        m_thread.join();
    }
    MessageWorker(const MessageWorker&) = delete;
    MessageWorker& operator=(const MessageWorker&) = delete;

    // The first item, if there is one yet (not removed).
    const Item* peek()
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        return m_items.empty() ? nullptr : &m_items.front();
    }
    // Waits up to `ms` for an item; the first one or nullptr.
    const Item* wait(int ms)
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_ready.wait_for(lock, std::chrono::milliseconds(ms), [this] { return !m_items.empty(); });
        return m_items.empty() ? nullptr : &m_items.front();
    }
    // Removes the first item (which peek/wait returned).
    Item take()
    {
        Item it;
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            it = std::move(m_items.front());
            m_items.pop_front();
            m_bytes -= it.message.raw.size();
        }
        m_space.notify_one();
        return it;
    }
    // Bytes of message files read by the worker so far (progress).
    qint64 bytesRead() const { return m_bytesRead.load(std::memory_order_relaxed); }

private:
    static constexpr size_t kMaxItems = 256;
    static constexpr qsizetype kMaxBytes = 32 << 20;
    struct StopRequested
    {};

    void push(Item&& it)
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        const qsizetype size = it.message.raw.size();
        m_space.wait(lock, [&] {
            return m_stop || m_items.empty() || (m_items.size() < kMaxItems && m_bytes + size <= kMaxBytes);
        });
        if (m_stop)
            throw StopRequested();
        m_bytes += size;
        m_items.push_back(std::move(it));
        lock.unlock();
        m_ready.notify_one();
    }
    void finish(Item&& it)
    {
        try {
            push(std::move(it));
        } catch (const StopRequested&) {
        }
    }
    void work()
    {
        const std::function<void(qint64)> hook = [this](qint64 n) {
            m_bytesRead.fetch_add(n, std::memory_order_relaxed);
            bool stop;
            {
                const std::lock_guard<std::mutex> lock(m_mutex);
                stop = m_stop;
            }
            if (stop)
                throw StopRequested();
            if (m_cancel && m_cancel->load(std::memory_order_relaxed))
                throw Error::cancelled();
        };
        qsizetype current = -1;
        try {
            m_source.read(
                [&](const BundleEntry& e) {
                    if (!isMessageFile(m_kinds[size_t(m_source.indexOf(e))]))
                        return false;
                    if (!m_accountDefined(classify(e.path).accountId))
                        throw StopRequested(); // the importer reports it (checkAccountFolder)
                    return true;
                },
                [&](const BundleEntry& e, EntryReader& r) {
                    current = m_source.indexOf(e);
                    const Classified c = classify(e.path);
                    const auto one = [&](int mboxIndex, const QByteArray& raw) {
                        Item it;
                        it.kind = Item::Message;
                        it.entry = current;
                        it.message = buildMessage(e.path, c.accountId, mboxIndex, raw);
                        push(std::move(it));
                    };
                    if (c.kind == FileKind::Mbox)
                        readMbox(e.path, r, one);
                    else
                        one(-1, r.readAll());
                },
                [&](const ImportedFile& f) {
                    Item it;
                    it.kind = Item::FileDone;
                    it.entry = current;
                    it.file = f;
                    push(std::move(it));
                },
                &hook);
            finish(Item{});
        } catch (const StopRequested&) {
            Item it;
            it.kind = Item::Stopped;
            finish(std::move(it));
        } catch (...) {
            Item it;
            it.kind = Item::Failed;
            it.entry = current;
            it.error = std::current_exception();
            finish(std::move(it));
        }
    }

    BundleSource& m_source;
    const std::vector<FileKind>& m_kinds;
    std::function<bool(const QString&)> m_accountDefined;
    const std::atomic<bool>* m_cancel;
    std::mutex m_mutex;
    std::condition_variable m_ready, m_space;
    std::deque<Item> m_items;
    qsizetype m_bytes = 0;
    bool m_stop = false;
    std::atomic<qint64> m_bytesRead{0};
    std::thread m_thread; // last: started once the rest is set up
};

// Reads and parses one CSV file of the bundle (accounts.csv … complaints/complaints.csv) on a thread of its
// own while the importer's thread checks the rows and writes them: the producer runs an ordinary CsvReader
// (reading, SHA-256, RFC 4180 parsing, UTF-8 and field-count checks) and hands the records over in
// batches through a bounded queue (kMaxItems batches of up to kBatchRecords records or kBatchBytes bytes:
// memory does not grow with the file); the importer reads them through a fed CsvReader (csvreader.h). The
// first error the producer meets is queued after the records before it, so the importer reports the same
// first error as without the producer (a row's own error before a later row's syntax error). Progress and
// cancellation stay on the importer's thread: the bytes the producer read are reported (onBytes) as their
// batch is taken; the producer also stops by itself on `cancel`. The destructor stops and joins it (an
// error or a cancellation on the importer's side). SQLite and the importer's state are never touched by it.
class CsvProducer final : public CsvFeed
{
public:
    CsvProducer(BundleSource& source, const QString& path, const std::atomic<bool>* cancel,
                std::function<void(qint64)> onBytes)
        : m_source(source), m_path(path), m_cancel(cancel), m_onBytes(std::move(onBytes))
    {
        m_thread = std::thread([this] { work(); });
    }
    ~CsvProducer() override
    {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_stop = true;
        }
        m_space.notify_all();
        m_thread.join();
    }
    CsvProducer(const CsvProducer&) = delete;
    CsvProducer& operator=(const CsvProducer&) = delete;

    const CsvBatch* nextBatch() override
    {
        if (m_current) {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_free.push_back(std::move(m_current));
        }
        if (m_file)
            return nullptr;
        Item it = take();
        switch (it.kind) {
        case Item::Batch:
            m_current = std::move(it.batch);
            return m_current.get();
        case Item::FileDone:
            m_file = it.file;
            return nullptr;
        case Item::Failed:
            std::rethrow_exception(it.error);
        case Item::End:
            break;
        }
        throw Error::internal(QStringLiteral("%1: the CSV producer ended without the file").arg(m_path));
    }
    // The file's record (size, SHA-256), once the reader has reached the end of the file.
    ImportedFile finish()
    {
        while (nextBatch()) {
        }
        return *m_file;
    }

private:
    static constexpr size_t kMaxItems = 8;
    static constexpr size_t kBatchRecords = 512;
    static constexpr qsizetype kBatchBytes = 128 * 1024;
    struct StopRequested
    {};
    struct Item
    {
        enum Kind
        {
            Batch,
            FileDone,
            Failed,
            End
        } kind = End;
        std::unique_ptr<CsvBatch> batch;
        ImportedFile file;
        std::exception_ptr error;
        qint64 bytes = 0; // read by the producer since the previous item
    };

    Item take()
    {
        Item it;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_ready.wait(lock, [this] { return !m_items.empty(); });
            it = std::move(m_items.front());
            m_items.pop_front();
        }
        m_space.notify_one();
        if (it.bytes)
            m_onBytes(it.bytes); // progress and cancellation, on the importer's thread
        return it;
    }
    void push(Item&& it)
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_space.wait(lock, [this] { return m_stop || m_items.size() < kMaxItems; });
        if (m_stop)
            throw StopRequested();
        it.bytes = m_pendingBytes;
        m_pendingBytes = 0;
        m_items.push_back(std::move(it));
        lock.unlock();
        m_ready.notify_one();
    }
    void finish(Item&& it)
    {
        try {
            push(std::move(it));
        } catch (const StopRequested&) {
        }
    }
    std::unique_ptr<CsvBatch> freshBatch()
    {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            if (!m_free.empty()) {
                std::unique_ptr<CsvBatch> b = std::move(m_free.back());
                m_free.pop_back();
                b->clear();
                return b;
            }
        }
        return std::make_unique<CsvBatch>();
    }
    void pushBatch(std::unique_ptr<CsvBatch>& b)
    {
        Item it;
        it.kind = Item::Batch;
        it.batch = std::move(b);
        push(std::move(it));
    }
    void work()
    {
        const std::function<void(qint64)> hook = [this](qint64 n) {
            m_pendingBytes += n;
            bool stop;
            {
                const std::lock_guard<std::mutex> lock(m_mutex);
                stop = m_stop;
            }
            if (stop)
                throw StopRequested();
            if (m_cancel && m_cancel->load(std::memory_order_relaxed))
                throw Error::cancelled();
        };
        try {
            m_source.read([this](const BundleEntry& e) { return e.path == m_path; },
                          [&](const BundleEntry&, EntryReader& in) {
                              std::unique_ptr<CsvBatch> b = freshBatch();
                              try {
                                  CsvReader csv(in, m_path);
                                  csv.readHeaderNames();
                                  b->header = csv.header();
                                  b->headerLine = csv.line();
                                  while (csv.next()) {
                                      csv.appendRecord(*b);
                                      if (b->records.size() >= kBatchRecords ||
                                          b->data.size() >= kBatchBytes) {
                                          pushBatch(b);
                                          b = freshBatch();
                                      }
                                  }
                              } catch (const StopRequested&) {
                                  throw;
                              } catch (...) {
                                  // The records before the error first (the header batch: only with its
                                  // header, i.e. when the error is in a later row).
                                  if (!b->records.empty() || b->headerLine != 0)
                                      pushBatch(b);
                                  throw;
                              }
                              pushBatch(b);
                          },
                          [this](const ImportedFile& f) {
                              Item it;
                              it.kind = Item::FileDone;
                              it.file = f;
                              push(std::move(it));
                          },
                          &hook);
            finish(Item{});
        } catch (const StopRequested&) {
        } catch (...) {
            Item it;
            it.kind = Item::Failed;
            it.error = std::current_exception();
            finish(std::move(it));
        }
    }

    BundleSource& m_source;
    const QString m_path;
    const std::atomic<bool>* m_cancel;
    std::function<void(qint64)> m_onBytes;
    std::mutex m_mutex;
    std::condition_variable m_ready, m_space;
    std::deque<Item> m_items;
    std::vector<std::unique_ptr<CsvBatch>> m_free; // batches the reader is done with, for reuse
    bool m_stop = false;
    qint64 m_pendingBytes = 0;           // producer's thread only
    std::unique_ptr<CsvBatch> m_current; // reader's thread only: the batch being read
    std::optional<ImportedFile> m_file;  // reader's thread only: the file's record, at the end
    std::thread m_thread;                // last: started once the rest is set up
};

class Importer
{
public:
    Importer(CaseStore& store, const QString& path, const ImportOptions& options)
        : m_store(store), m_path(path), m_opt(options)
    {}

    ImportResult run();

private:
    // ---- helpers for one CSV row ----
    [[noreturn]] void failAt(const CsvReader& r, int col, const QString& message) const
    {
        throw Error::at(r.fileName(), r.fieldLine(col), r.columnName(col), r.text(col), message);
    }
    QString required(const CsvReader& r, int col) const
    {
        if (r.isEmpty(col))
            failAt(r, col, QStringLiteral("a value is required"));
        return r.text(col);
    }
    QString id(const CsvReader& r, int col, bool req) const
    {
        if (col < 0 || r.isEmpty(col)) {
            if (req)
                failAt(r, col, QStringLiteral("a value is required"));
            return QString();
        }
        QString v = r.text(col);
        if (!isId(v))
            failAt(r, col, kIdRule);
        return v;
    }
    QStringList idList(const CsvReader& r, int col) const
    {
        QStringList out;
        if (col < 0 || r.isEmpty(col))
            return out;
        const QString all = r.text(col);
        for (const QString& part : all.split(QLatin1Char(';'))) {
            const QString t = part.trimmed();
            if (t.isEmpty())
                continue;
            if (!isId(t))
                throw Error::at(r.fileName(), r.fieldLine(col), r.columnName(col), t, kIdRule);
            out.append(t);
        }
        return out;
    }
    QDateTime time(const CsvReader& r, int col, bool req) const
    {
        if (col < 0 || r.isEmpty(col)) {
            if (req)
                failAt(r, col, QStringLiteral("a value is required"));
            return QDateTime();
        }
        const QString v = r.text(col);
        const auto t = ad::time::parseIso(v);
        if (!t)
            failAt(r, col, kTimeRule);
        return *t;
    }
    std::optional<qint64> count(const CsvReader& r, int col, bool req) const
    {
        if (col < 0 || r.isEmpty(col)) {
            if (req)
                failAt(r, col, QStringLiteral("a value is required"));
            return std::nullopt;
        }
        const QByteArrayView v = r.raw(col);
        qint64 n = 0;
        for (const char c : v) {
            if (c < '0' || c > '9' || n > (std::numeric_limits<qint64>::max() - 9) / 10)
                failAt(r, col, QStringLiteral("not a non-negative integer"));
            n = n * 10 + (c - '0');
        }
        return n;
    }
    std::optional<bool> boolean(const CsvReader& r, int col) const
    {
        if (col < 0 || r.isEmpty(col))
            return std::nullopt;
        const QByteArrayView v = r.raw(col);
        if (v == "true")
            return true;
        if (v == "false")
            return false;
        failAt(r, col, QStringLiteral("not a boolean (true or false)"));
    }
    QString enumValue(const CsvReader& r, int col, const QStringList& allowed, bool req) const
    {
        if (col < 0 || r.isEmpty(col)) {
            if (req)
                failAt(r, col, QStringLiteral("a value is required"));
            return QString();
        }
        QString v = r.text(col);
        if (!allowed.contains(v))
            failAt(r, col, oneOf(allowed));
        return v;
    }
    QString definedAccount(const CsvReader& r, int col) const
    {
        QString a = id(r, col, true);
        if (!m_accounts.contains(idKey(a)))
            failAt(r, col, QStringLiteral("account is not defined in accounts.csv"));
        return a;
    }

    // ---- the same checks on the field's bytes, for the bulk files (no QString per field). A value with
    // a byte >= 0x80 goes through the QString functions above, so results and errors are the same.
    static QByteArrayView rawOf(const CsvReader& r, int col)
    {
        return col < 0 ? QByteArrayView() : r.raw(col);
    }
    QByteArrayView requiredRaw(const CsvReader& r, int col) const
    {
        if (r.isEmpty(col))
            failAt(r, col, QStringLiteral("a value is required"));
        return r.raw(col);
    }
    QByteArrayView idRaw(const CsvReader& r, int col, bool req) const
    {
        if (col < 0 || r.isEmpty(col)) {
            if (req)
                failAt(r, col, QStringLiteral("a value is required"));
            return QByteArrayView();
        }
        const QByteArrayView v = r.raw(col);
        if (!fast::isId(v))
            failAt(r, col, kIdRule);
        return v;
    }
    QByteArrayView definedAccountRaw(const CsvReader& r, int col) const
    {
        const QByteArrayView a = idRaw(r, col, true);
        if (!m_accounts.contains(idKey(a)))
            failAt(r, col, QStringLiteral("account is not defined in accounts.csv"));
        return a;
    }
    std::optional<qint64> timeMs(const CsvReader& r, int col, bool req) const
    {
        if (col < 0 || r.isEmpty(col)) {
            if (req)
                failAt(r, col, QStringLiteral("a value is required"));
            return std::nullopt;
        }
        const QByteArrayView v = r.raw(col);
        if (!fast::isAscii(v)) {
            const QDateTime t = time(r, col, req);
            return t.toMSecsSinceEpoch();
        }
        const auto t = ad::time::parseIsoMs(v);
        if (!t)
            failAt(r, col, kTimeRule);
        return t;
    }
    QByteArrayView enumRaw(const CsvReader& r, int col, const QStringList& allowed, bool req) const
    {
        if (col < 0 || r.isEmpty(col)) {
            if (req)
                failAt(r, col, QStringLiteral("a value is required"));
            return QByteArrayView();
        }
        const QByteArrayView v = r.raw(col);
        if (!fast::isAscii(v)) {
            enumValue(r, col, allowed, req); // throws: the allowed values are ASCII
            return v;
        }
        const QLatin1StringView l(v.data(), v.size());
        for (const QString& a : allowed)
            if (a == l)
                return v;
        failAt(r, col, oneOf(allowed));
    }
    // idList() joined with ';' into `out` (reused between rows).
    QByteArrayView idListRaw(const CsvReader& r, int col, QByteArray& out) const
    {
        out.resize(0);
        if (col < 0 || r.isEmpty(col))
            return QByteArrayView();
        const QByteArrayView all = r.raw(col);
        if (!fast::isAscii(all)) {
            out = idList(r, col).join(QLatin1Char(';')).toUtf8();
            return out;
        }
        const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
        qsizetype start = 0;
        while (start <= all.size()) {
            qsizetype end = all.indexOf(';', start);
            if (end < 0)
                end = all.size();
            qsizetype b = start, e = end;
            while (b < e && space(all[b]))
                ++b;
            while (e > b && space(all[e - 1]))
                --e;
            if (e > b) {
                const QByteArrayView t = all.sliced(b, e - b);
                if (!fast::isId(t))
                    throw Error::at(r.fileName(), r.fieldLine(col), r.columnName(col), QString::fromUtf8(t),
                                    kIdRule);
                if (!out.isEmpty())
                    out.append(';');
                out.append(t);
            }
            start = end + 1;
        }
        return out;
    }
    QStringList list(const CsvReader& r, int col) const
    {
        QStringList out;
        if (col < 0 || r.isEmpty(col))
            return out;
        for (const QString& part : r.text(col).split(QLatin1Char(';'))) {
            const QString t = part.trimmed();
            if (!t.isEmpty())
                out.append(t);
        }
        return out;
    }
    // Runs a writer call; an Input error from the store (a uniqueness violation) gets the row's place.
    // `message()` (the text of that error, empty for the store's own) is built only when it is needed.
    template <typename Msg, typename Fn>
    auto store(const CsvReader& r, int col, Msg&& message, Fn&& fn) -> decltype(fn())
    {
        try {
            return fn();
        } catch (const Error& e) {
            if (e.kind() == Error::Kind::Input && e.file().isEmpty()) {
                const QString m = message();
                failAt(r, col, m.isEmpty() ? e.message() : m);
            }
            throw;
        }
    }
    static QString noMessage() { return QString(); }

    void checkCancel() const
    {
        if ((m_opt.cancel && m_opt.cancel->load(std::memory_order_relaxed)) ||
            (m_opt.isCancelled && m_opt.isCancelled()))
            throw Error::cancelled();
    }
    void onBytes(qint64 n)
    {
        checkCancel();
        m_bytesRead += n;
        m_progress.bytesRead = m_bytesRead + (m_worker ? m_worker->bytesRead() : 0);
        if (m_opt.progress && m_progress.bytesRead - m_lastReport >= (1 << 20)) {
            m_lastReport = m_progress.bytesRead;
            m_opt.progress(m_progress);
        }
    }
    void startFile(const QString& path)
    {
        checkCancel();
        m_progress.file = path;
        if (m_opt.progress)
            m_opt.progress(m_progress);
    }
    void row()
    {
        ++m_progress.rows;
        if (m_worker && (m_progress.rows & 127) == 0)
            takeMessages(-1, false);
    }
    // A file was read: its import_files row is written now (inside the transaction), so nothing per file is
    // kept in memory. Only manifest.json is read before the transaction starts; it waits in m_manifestFile.
    void fileRead(const ImportedFile& f)
    {
        if (m_writer)
            m_writer->addFile(f);
        else
            m_manifestFile = f;
        ++m_result.fileCount;
        m_result.bytes += f.size;
    }
    void writeMessage(const StoredMessage& m)
    {
        m_writer->addMessage(m);
        ++m_result.counts.messages;
        ++m_progress.rows;
    }
    // Writes what the message worker has parsed. wait: for every message file before entry `before`
    // (before < 0: all of them) and for the worker's end (before < 0); else only what is ready. An error of
    // the worker is rethrown only when waiting for its file: until then the importer reports its own
    // errors first, in the order it did without the worker.
    void takeMessages(qsizetype before, bool wait);

    void readOne(const QString& path, const std::function<void(EntryReader&)>& fn);
    // Reads one of the bundle's top-level CSV files through `fn`: parsed by a CsvProducer thread
    // (ImportOptions::parseCsvInParallel) or in line.
    void readCsv(const QString& path, const std::function<void(CsvReader&)>& fn);

    void readManifest();
    void importAccounts(CsvReader& r);
    void importLists(CsvReader& r);
    void importCampaigns(CsvReader& r);
    void importEvidence(CsvReader& r);
    void importHistory(CsvReader& r);
    void importComplaintsCsv(CsvReader& r);
    void importListFile(const QString& path, const Classified& c, EntryReader& in);
    void importArf(const QString& path, const QString& account, EntryReader& in);
    void checkAccountFolder(const QString& path, const QString& account) const
    {
        if (!m_accounts.contains(idKey(account)))
            throw Error::at(path, 0, QString(), account,
                            QStringLiteral("folder for an account that is not defined in accounts.csv"));
    }

    CaseStore& m_store;
    QString m_path;
    const ImportOptions& m_opt;
    std::unique_ptr<BundleSource> m_source;
    std::unique_ptr<ImportWriter> m_writer;
    ImportResult m_result;
    ImportProgress m_progress;
    qint64 m_lastReport = 0;
    qint64 m_bytesRead = 0;                            // by this thread (the worker counts its own)
    std::optional<ImportedFile> m_manifestFile;        // read before the transaction (fileRead)
    std::optional<lists::ScreeningConfig> m_screening; // read once, on the first list file
    qsizetype m_warningsBeforeImport = 0;              // where the "already imported" warning goes
    // Per-bundle state is kept compact (memory ~ 30 bytes per account and list, not a string each): ids
    // are remembered as 64-bit hashes (core/lists' hash64, collisions ~2^-64 per pair; the store's own
    // UNIQUE and FOREIGN KEY constraints still hold exactly). Files are classified again when read.
    static quint64 idKey(QByteArrayView id)
    {
        return lists::hash64(std::string_view(id.data(), size_t(id.size())));
    }
    static quint64 idKey(const QString& id) { return idKey(QByteArrayView(id.toUtf8())); }
    static quint64 listKey(const QString& account, const QString& list)
    {
        return idKey(QString(account + QLatin1Char('/') + list)); // ids hold no '/'
    }
    static quint64 listKey(QByteArrayView account, QByteArrayView list)
    {
        QVarLengthArray<char, 160> key(account.size() + 1 + list.size());
        std::copy(account.begin(), account.end(), key.begin());
        key[account.size()] = '/';
        std::copy(list.begin(), list.end(), key.begin() + account.size() + 1);
        return idKey(QByteArrayView(key.constData(), key.size()));
    }
    // Rows that name a list lists.csv does not define: not an error (the spec is silent; the rows are kept as
    // the platform exported them) but a warning per file with the count and the first one, so the reviewer
    // knows the permission evidence or campaign cannot be tied to a list's source.
    struct DanglingLists
    {
        qint64 rows = 0;
        qint64 firstLine = 0;
        QString firstAccount, firstList;
        void note(qint64 line, QByteArrayView account, QByteArrayView list)
        {
            if (rows++ == 0) {
                firstLine = line;
                firstAccount = QString::fromUtf8(account);
                firstList = QString::fromUtf8(list);
            }
        }
    };
    void warnDangling(const DanglingLists& d, const QString& file, const QString& what)
    {
        if (d.rows == 0)
            return;
        m_result.warnings.append(QStringLiteral("%1: %2 %3 a list that is not in lists.csv (first: line %4, "
                                                "account %5, list %6)")
                                     .arg(file)
                                     .arg(d.rows)
                                     .arg(what, QString::number(d.firstLine), d.firstAccount, d.firstList));
    }
    QHash<quint64, qint64> m_accounts; // account id -> line in accounts.csv
    lists::U64Set m_lists;             // account/list of every lists.csv row
    lists::U64Set m_listFiles;         // account/list with a list file
    QDateTime m_exportedAt;
    QString m_manifestSource;
    std::vector<FileKind> m_kinds; // of every entry, by index in entries()
    FileKind kindOf(const BundleEntry& e) const { return m_kinds[size_t(m_source->indexOf(e))]; }
    // Last member: destroyed (stopped and joined) first, while what it reads (m_source, m_accounts) lives.
    std::unique_ptr<MessageWorker> m_worker;
};

void Importer::takeMessages(qsizetype before, bool wait)
{
    for (;;) {
        const MessageWorker::Item* head = m_worker->peek();
        if (!head && wait) {
            checkCancel(); // from this thread, also for an isCancelled function
            if (m_opt.progress) {
                m_progress.bytesRead = m_bytesRead + m_worker->bytesRead();
                m_opt.progress(m_progress);
            }
            head = m_worker->wait(50);
            if (!head)
                continue;
        }
        if (!head)
            return;
        switch (head->kind) {
        case MessageWorker::Item::Message:
        case MessageWorker::Item::FileDone:
            if (before >= 0 && head->entry >= before)
                return;
            break;
        case MessageWorker::Item::Failed:
            if (!wait || (before >= 0 && head->entry >= before))
                return;
            std::rethrow_exception(head->error);
        case MessageWorker::Item::Done:
            if (wait && before < 0)
                m_worker.reset();
            return;
        case MessageWorker::Item::Stopped:
            if (!wait)
                return;
            // Only for a folder of an undefined account, which run() reports before waiting for messages.
            throw Error::internal(QStringLiteral("the message reader stopped early"));
        }
        MessageWorker::Item it = m_worker->take();
        if (it.kind == MessageWorker::Item::Message) {
            writeMessage(it.message);
        } else {
            if (wait)
                m_progress.file = it.file.path;
            fileRead(it.file);
        }
    }
}

void Importer::readOne(const QString& path, const std::function<void(EntryReader&)>& fn)
{
    m_source->read([&](const BundleEntry& e) { return e.path == path; },
                   [&](const BundleEntry&, EntryReader& r) {
                       startFile(path);
                       fn(r);
                   },
                   [this](const ImportedFile& f) { fileRead(f); });
}

void Importer::readCsv(const QString& path, const std::function<void(CsvReader&)>& fn)
{
    if (!m_opt.parseCsvInParallel) {
        readOne(path, [&](EntryReader& in) {
            CsvReader r(in, path);
            fn(r);
        });
        return;
    }
    startFile(path);
    CsvProducer producer(*m_source, path, m_opt.cancel, [this](qint64 n) { onBytes(n); });
    CsvReader r(producer, path);
    fn(r);
    fileRead(producer.finish());
}

void Importer::readManifest()
{
    QByteArray text;
    m_source->read([](const BundleEntry& e) { return e.path == kManifest; },
                   [&](const BundleEntry&, EntryReader& r) { text = r.readAll(); },
                   [this](const ImportedFile& f) { fileRead(f); });
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
    if (pe.error != QJsonParseError::NoError) {
        const qint64 line = 1 + text.left(pe.offset).count('\n');
        throw Error::at(kManifest, line, QString(), QString(),
                        QStringLiteral("not valid JSON: %1").arg(pe.errorString()));
    }
    if (!doc.isObject())
        throw Error::at(kManifest, 1, QString(), QString(), QStringLiteral("not a JSON object"));
    const QJsonObject o = doc.object();
    const auto valueText = [](const QJsonValue& v) {
        if (v.isString())
            return v.toString();
        if (v.isDouble())
            return QString::number(v.toDouble());
        if (v.isBool())
            return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        if (v.isNull())
            return QStringLiteral("null");
        if (v.isUndefined())
            return QString();
        return QString::fromUtf8(
            QJsonDocument(v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject()))
                .toJson(QJsonDocument::Compact));
    };
    const QJsonValue format = o.value(QStringLiteral("format"));
    if (format.isUndefined())
        throw Error::at(kManifest, 1, QStringLiteral("format"), QString(),
                        QStringLiteral("\"format\" is missing (expected \"case-bundle\")"));
    if (format.toString() != QLatin1String("case-bundle"))
        throw Error::at(kManifest, jsonKeyLine(text, "format"), QStringLiteral("format"), valueText(format),
                        QStringLiteral("not a case bundle manifest (format must be \"case-bundle\")"));
    const QJsonValue version = o.value(QStringLiteral("version"));
    if (version.isUndefined())
        throw Error::at(kManifest, 1, QStringLiteral("version"), QString(),
                        QStringLiteral("\"version\" is missing"));
    if (!version.isDouble() || version.toDouble() != 1.0)
        throw Error::at(kManifest, jsonKeyLine(text, "version"), QStringLiteral("version"),
                        valueText(version),
                        QStringLiteral("unsupported case-bundle version (this program reads version 1)"));
    const QJsonValue exported = o.value(QStringLiteral("exported_at"));
    if (exported.isUndefined())
        throw Error::at(kManifest, 1, QStringLiteral("exported_at"), QString(),
                        QStringLiteral("\"exported_at\" is missing"));
    const auto t = exported.isString() ? ad::time::parseIso(exported.toString()) : std::nullopt;
    if (!t)
        throw Error::at(kManifest, jsonKeyLine(text, "exported_at"), QStringLiteral("exported_at"),
                        valueText(exported), kTimeRule);
    m_exportedAt = *t;
    const QJsonValue src = o.value(QStringLiteral("source"));
    if (!src.isUndefined() && !src.isString())
        throw Error::at(kManifest, jsonKeyLine(text, "source"), QStringLiteral("source"), valueText(src),
                        QStringLiteral("not a string"));
    m_manifestSource = src.toString();
}

void Importer::importAccounts(CsvReader& r)
{
    static const QStringList req{QStringLiteral("account_id"), QStringLiteral("name"),
                                 QStringLiteral("owner_email"), QStringLiteral("signup_at"),
                                 QStringLiteral("status")};
    static const QStringList opt{QStringLiteral("from_addresses"), QStringLiteral("postal_address"),
                                 QStringLiteral("website"), QStringLiteral("flagged_at"),
                                 QStringLiteral("flag_reason")};
    static const QStringList statuses{QStringLiteral("active"), QStringLiteral("warned"),
                                      QStringLiteral("suspended"), QStringLiteral("terminated")};
    r.readHeader(req, &opt, &m_result.warnings);
    const int cId = r.index(u"account_id"), cName = r.index(u"name"), cOwner = r.index(u"owner_email"),
              cFrom = r.index(u"from_addresses"), cPostal = r.index(u"postal_address"),
              cWeb = r.index(u"website"), cSignup = r.index(u"signup_at"), cStatus = r.index(u"status"),
              cFlagged = r.index(u"flagged_at"), cReason = r.index(u"flag_reason");
    while (r.next()) {
        Account a;
        a.id = id(r, cId, true);
        if (const auto it = m_accounts.constFind(idKey(a.id)); it != m_accounts.constEnd())
            failAt(r, cId,
                   QStringLiteral("account_id appears twice in accounts.csv (first on line %1)").arg(*it));
        a.name = required(r, cName);
        a.ownerEmail = required(r, cOwner);
        a.fromAddresses = list(r, cFrom);
        a.postalAddress = r.text(cPostal);
        a.website = r.text(cWeb);
        a.signupAt = time(r, cSignup, true);
        a.status = *accountStatusFromString(enumValue(r, cStatus, statuses, true));
        a.flaggedAt = time(r, cFlagged, false);
        a.flagReason = r.text(cReason);
        store(r, cId, noMessage, [&] { m_writer->addAccount(a); });
        m_accounts.insert(idKey(a.id), r.line());
        ++m_result.counts.accounts;
        row();
    }
}

void Importer::importLists(CsvReader& r)
{
    static const QStringList req{QStringLiteral("account_id"), QStringLiteral("list_id"),
                                 QStringLiteral("source")};
    static const QStringList opt{QStringLiteral("name"), QStringLiteral("acquired_at"),
                                 QStringLiteral("size"), QStringLiteral("double_opt_in")};
    r.readHeader(req, &opt, &m_result.warnings);
    const int cAcc = r.index(u"account_id"), cList = r.index(u"list_id"), cName = r.index(u"name"),
              cSource = r.index(u"source"), cAcq = r.index(u"acquired_at"), cSize = r.index(u"size"),
              cDoi = r.index(u"double_opt_in");
    while (r.next()) {
        MailingList l;
        l.accountId = definedAccount(r, cAcc);
        l.listId = id(r, cList, true);
        const quint64 key = listKey(l.accountId, l.listId);
        if (m_lists.contains(key))
            failAt(r, cList, QStringLiteral("list_id appears twice for account %1").arg(l.accountId));
        l.name = r.text(cName);
        l.source = enumValue(r, cSource, listSources(), true);
        l.acquiredAt = time(r, cAcq, false);
        l.size = count(r, cSize, false);
        l.doubleOptIn = boolean(r, cDoi);
        l.hasFile = m_listFiles.contains(key);
        store(
            r, cList, [&] { return QStringLiteral("list_id appears twice for account %1").arg(l.accountId); },
            [&] { m_writer->addList(l); });
        m_lists.insert(key);
        ++m_result.counts.lists;
        row();
    }
}

void Importer::importCampaigns(CsvReader& r)
{
    static const QStringList req{
        QStringLiteral("account_id"), QStringLiteral("campaign_id"),  QStringLiteral("sent_at"),
        QStringLiteral("sent"),       QStringLiteral("delivered"),    QStringLiteral("bounces"),
        QStringLiteral("complaints"), QStringLiteral("unsubscribes"), QStringLiteral("unique_opens")};
    static const QStringList opt{QStringLiteral("subject"), QStringLiteral("from_address"),
                                 QStringLiteral("list_ids"), QStringLiteral("hard_bounces"),
                                 QStringLiteral("unique_clicks")};
    r.readHeader(req, &opt, &m_result.warnings);
    const int cAcc = r.index(u"account_id"), cId = r.index(u"campaign_id"), cSentAt = r.index(u"sent_at"),
              cSubject = r.index(u"subject"), cFrom = r.index(u"from_address"), cLists = r.index(u"list_ids"),
              cSent = r.index(u"sent"), cDelivered = r.index(u"delivered"), cBounces = r.index(u"bounces"),
              cHard = r.index(u"hard_bounces"), cComplaints = r.index(u"complaints"),
              cUnsub = r.index(u"unsubscribes"), cOpens = r.index(u"unique_opens"),
              cClicks = r.index(u"unique_clicks");
    QByteArray listIds;
    DanglingLists dangling;
    while (r.next()) {
        CampaignUtf8 c;
        c.accountId = definedAccountRaw(r, cAcc);
        c.campaignId = idRaw(r, cId, true);
        c.sentAt = timeMs(r, cSentAt, true);
        c.subject = rawOf(r, cSubject);
        c.fromAddress = rawOf(r, cFrom);
        c.listIds = idListRaw(r, cLists, listIds);
        for (qsizetype from = 0; from < c.listIds.size();) {
            qsizetype end = c.listIds.indexOf(';', from);
            if (end < 0)
                end = c.listIds.size();
            const QByteArrayView list = c.listIds.sliced(from, end - from);
            if (!m_lists.contains(listKey(c.accountId, list))) {
                dangling.note(r.fieldLine(cLists), c.accountId, list);
                break; // one per campaign
            }
            from = end + 1;
        }
        c.sent = *count(r, cSent, true);
        c.delivered = *count(r, cDelivered, true);
        c.bounces = *count(r, cBounces, true);
        c.hardBounces = count(r, cHard, false);
        c.complaints = *count(r, cComplaints, true);
        c.unsubscribes = *count(r, cUnsub, true);
        c.uniqueOpens = *count(r, cOpens, true);
        c.uniqueClicks = count(r, cClicks, false);
        if (c.delivered > c.sent - c.bounces)
            failAt(r, cDelivered,
                   QStringLiteral("delivered (%1) + bounces (%2) = %3 is more than sent (%4)")
                       .arg(c.delivered)
                       .arg(c.bounces)
                       .arg(QString::number(double(c.delivered) + double(c.bounces), 'f', 0))
                       .arg(c.sent));
        if (c.hardBounces && *c.hardBounces > c.bounces)
            failAt(r, cHard,
                   QStringLiteral("hard_bounces (%1) is more than bounces (%2)")
                       .arg(*c.hardBounces)
                       .arg(c.bounces));
        store(
            r, cId,
            [&] {
                return QStringLiteral("campaign_id appears twice for account %1")
                    .arg(QString::fromUtf8(c.accountId));
            },
            [&] { m_writer->addCampaign(c); });
        ++m_result.counts.campaigns;
        row();
    }
    warnDangling(dangling, kCampaigns,
                 dangling.rows == 1 ? QStringLiteral("campaign names in list_ids")
                                    : QStringLiteral("campaigns name in list_ids"));
}

void Importer::importEvidence(CsvReader& r)
{
    static const QStringList req{QStringLiteral("account_id"), QStringLiteral("subscriber"),
                                 QStringLiteral("method")};
    static const QStringList opt{
        QStringLiteral("list_id"),          QStringLiteral("consent_at"),
        QStringLiteral("source"),           QStringLiteral("ip"),
        QStringLiteral("checkbox_default"), QStringLiteral("email_contact_explained"),
        QStringLiteral("consent_text"),     QStringLiteral("confirmed_at"),
        QStringLiteral("last_purchase_at"), QStringLiteral("last_contacted_at")};
    static const QStringList checkbox{QStringLiteral("checked"), QStringLiteral("unchecked")};
    r.readHeader(req, &opt, &m_result.warnings);
    const int cAcc = r.index(u"account_id"), cList = r.index(u"list_id"), cSub = r.index(u"subscriber"),
              cMethod = r.index(u"method"), cConsent = r.index(u"consent_at"), cSource = r.index(u"source"),
              cIp = r.index(u"ip"), cBox = r.index(u"checkbox_default"),
              cExpl = r.index(u"email_contact_explained"), cText = r.index(u"consent_text"),
              cConf = r.index(u"confirmed_at"), cPurchase = r.index(u"last_purchase_at"),
              cContacted = r.index(u"last_contacted_at");
    DanglingLists dangling;
    while (r.next()) {
        EvidenceUtf8 e;
        e.accountId = definedAccountRaw(r, cAcc);
        e.listId = idRaw(r, cList, false);
        if (!e.listId.isEmpty() && !m_lists.contains(listKey(e.accountId, e.listId)))
            dangling.note(r.fieldLine(cList), e.accountId, e.listId);
        e.subscriber = requiredRaw(r, cSub);
        e.method = enumRaw(r, cMethod, evidenceMethods(), true);
        e.consentAt = timeMs(r, cConsent, false);
        e.source = rawOf(r, cSource);
        e.ip = rawOf(r, cIp);
        e.checkboxDefault = enumRaw(r, cBox, checkbox, false);
        e.emailContactExplained = boolean(r, cExpl);
        e.consentText = rawOf(r, cText);
        e.confirmedAt = timeMs(r, cConf, false);
        e.lastPurchaseAt = timeMs(r, cPurchase, false);
        e.lastContactedAt = timeMs(r, cContacted, false);
        e.sourceLine = r.line();
        store(r, cSub, noMessage, [&] { return m_writer->addEvidence(e); });
        ++m_result.counts.evidence;
        row();
    }
    warnDangling(dangling, kEvidence,
                 dangling.rows == 1 ? QStringLiteral("row names") : QStringLiteral("rows name"));
}

void Importer::importHistory(CsvReader& r)
{
    static const QStringList req{QStringLiteral("account_id"), QStringLiteral("at"),
                                 QStringLiteral("action")};
    static const QStringList opt{QStringLiteral("reason"), QStringLiteral("by")};
    static const QStringList actions{QStringLiteral("warn"), QStringLiteral("suspend"),
                                     QStringLiteral("terminate"), QStringLiteral("reinstate"),
                                     QStringLiteral("proof_requested")};
    r.readHeader(req, &opt, &m_result.warnings);
    const int cAcc = r.index(u"account_id"), cAt = r.index(u"at"), cAction = r.index(u"action"),
              cReason = r.index(u"reason"), cBy = r.index(u"by");
    while (r.next()) {
        HistoryEntry h;
        h.accountId = definedAccount(r, cAcc);
        h.at = time(r, cAt, true);
        h.action = *actionFromString(enumValue(r, cAction, actions, true));
        h.reason = r.text(cReason);
        h.by = r.text(cBy);
        store(r, cAcc, noMessage, [&] { return m_writer->addHistory(h); });
        ++m_result.counts.history;
        row();
    }
}

void Importer::importComplaintsCsv(CsvReader& r)
{
    static const QStringList req{QStringLiteral("account_id"), QStringLiteral("received_at"),
                                 QStringLiteral("recipient"), QStringLiteral("feedback_type")};
    static const QStringList opt{QStringLiteral("campaign_id"), QStringLiteral("source"),
                                 QStringLiteral("note")};
    static const QStringList types{QStringLiteral("abuse"), QStringLiteral("fraud"), QStringLiteral("virus"),
                                   QStringLiteral("not-spam"), QStringLiteral("other")};
    r.readHeader(req, &opt, &m_result.warnings);
    const int cAcc = r.index(u"account_id"), cCamp = r.index(u"campaign_id"), cAt = r.index(u"received_at"),
              cRcpt = r.index(u"recipient"), cType = r.index(u"feedback_type"), cSource = r.index(u"source"),
              cNote = r.index(u"note");
    while (r.next()) {
        Complaint c;
        c.accountId = definedAccount(r, cAcc);
        c.campaignId = id(r, cCamp, false);
        c.receivedAt = time(r, cAt, true);
        c.recipient = r.text(cRcpt);
        c.feedbackType = enumValue(r, cType, types, true);
        c.source = r.text(cSource);
        c.note = r.text(cNote);
        c.origin = QStringLiteral("csv");
        c.file = kComplaintsCsv;
        c.sourceLine = r.line();
        store(r, cAcc, noMessage, [&] { return m_writer->addComplaint(c); });
        ++m_result.counts.complaints;
        row();
    }
}

void Importer::importListFile(const QString& path, const Classified& c, EntryReader& in)
{
    CsvReader r(in, path);
    r.readHeader({QStringLiteral("email")}, nullptr, nullptr);
    const int cEmail = r.index(u"email");
    QList<int> others;
    QList<QByteArray> otherNames; // as JSON strings, UTF-8
    for (int i = 0; i < r.header().size(); ++i) {
        if (i != cEmail) {
            others.append(i);
            QString n;
            appendJsonString(n, r.header()[i]);
            otherNames.append(n.toUtf8());
        }
    }
    if (!m_screening)
        m_screening = lists::ScreeningConfig::defaults();
    lists::Screener screener(*m_screening);
    QByteArray json;
    while (r.next()) {
        ListRowUtf8 lr;
        lr.line = r.line();
        lr.email = r.raw(cEmail);
        json.resize(0);
        json += '{';
        for (qsizetype k = 0; k < others.size(); ++k) {
            if (k)
                json += ',';
            json += otherNames[k];
            json += ':';
            appendJsonUtf8(json, r.raw(others[k]));
        }
        json += '}';
        lr.rawJson = json;
        lr.problems = screener.add(QString::fromUtf8(lr.email), lr.line);
        m_writer->addListRow(c.accountId, c.listId, lr);
        ++m_result.counts.listRows;
        row();
    }
    // Rows found to be duplicates only at the end (lists/screener.h: bounded memory) get the bit now.
    const ListScreeningSummary summary = screener.finish([&](std::span<const qint64> lines) {
        m_writer->markListRows(c.accountId, c.listId, lines, lists::Duplicate);
    });
    m_writer->setListScreening(c.accountId, c.listId, summary);
}

void Importer::importArf(const QString& path, const QString& account, EntryReader& in)
{
    const QByteArray raw = in.readAll();
    mime::ArfReport arf;
    try {
        arf = mime::parseArf(raw, path);
    } catch (const Error& e) {
        if (e.kind() != Error::Kind::Input)
            throw;
        const QString reason = reasonOf(e, path, QLatin1StringView("not a valid ARF report: "));
        throw Error::at(path, 0, QString(), QString(),
                        QStringLiteral("not a valid ARF feedback report (RFC 5965): %1").arg(reason));
    }
    Complaint c;
    c.accountId = account;
    c.campaignId = isId(arf.campaignId) ? arf.campaignId : QString();
    c.receivedAt = arf.arrivalDate;
    c.recipient = arf.originalRcptTo;
    c.feedbackType = arf.feedbackType;
    c.source = arf.userAgent;
    c.origin = QStringLiteral("arf");
    c.file = path;
    c.userAgent = arf.userAgent;
    c.sourceIp = arf.sourceIp;
    c.reportedMessage = arf.reportedMessage;
    if (!arf.arrivalDate.isValid())
        m_result.warnings.append(
            QStringLiteral("%1: the report has no Arrival-Date or Received-Date; its time is unknown")
                .arg(path));
    m_writer->addComplaint(c);
    ++m_result.counts.complaints;
    row();
}

ImportResult Importer::run()
{
    m_source = BundleSource::open(m_path, m_opt.maxFileSize);
    m_source->setReadHook([this](qint64 n) { onBytes(n); });
    const QList<BundleEntry>& entries = m_source->entries();
    for (const QString& p : m_source->outsideRoot())
        m_result.warnings.append(QStringLiteral("%1: outside the bundle's top folder; ignored").arg(p));
    if (entries.isEmpty())
        throw Error::at(m_path, 0, QString(), QString(),
                        QStringLiteral("empty bundle: no files at all (a case bundle needs manifest.json and "
                                       "accounts.csv)"));
    if (!m_source->find(kManifest))
        throw Error::at(m_path, 0, QString(), QString(),
                        QStringLiteral("not a case bundle: manifest.json is missing"));
    if (!m_source->find(kAccounts))
        throw Error::at(m_path, 0, QString(), QString(),
                        QStringLiteral("accounts.csv is missing (it is required)"));
    if (!m_source->find(kCampaigns))
        throw Error::at(m_path, 0, QString(), QString(),
                        QStringLiteral("campaigns.csv is missing (it is required, even without rows)"));

    // Classify (once: the kind of every entry is kept, 1 byte each); ignored files are reported, not read.
    m_kinds.reserve(size_t(entries.size()));
    for (const BundleEntry& e : entries) {
        const Classified c = classify(e.path);
        m_kinds.push_back(c.kind);
        if (c.kind == FileKind::Ignored) {
            m_result.warnings.append(
                QStringLiteral("%1: not part of the case-bundle format; ignored").arg(e.path));
            continue;
        }
        if (c.kind == FileKind::ListFile)
            m_listFiles.insert(listKey(c.accountId, c.listId));
        m_progress.bytesTotal += qMax<qint64>(e.size, 0);
    }

    readManifest();

    // One pass: every known file is read once, hashed while it is imported; the bundle hash is set on the
    // import record (and "already imported" checked) at the end, inside the transaction.
    m_warningsBeforeImport = m_result.warnings.size();
    m_result.exportedAt = m_exportedAt;

    // One transaction.
    ImportInfo info;
    info.bundlePath = m_path;
    info.bundleSha256 = QStringLiteral(""); // set by setBundleSha256() once every file is read
    info.exportedAt = m_exportedAt;
    info.source = m_manifestSource;
    info.importedAt = m_opt.now.isValid() ? m_opt.now.toUTC() : QDateTime::currentDateTimeUtc();
    info.importedBy = m_opt.reviewer;
    checkCancel();
    m_writer = m_store.beginImport(info);
    if (m_manifestFile)
        m_writer->addFile(*m_manifestFile);

    readCsv(kAccounts, [this](CsvReader& r) { importAccounts(r); });
    // The accounts are known: the message worker can check the folders and parse while the CSV files are
    // imported (see MessageWorker).
    if (m_opt.parseMessagesInParallel &&
        std::any_of(entries.begin(), entries.end(),
                    [this](const BundleEntry& e) { return isMessageFile(kindOf(e)); }))
        m_worker = std::make_unique<MessageWorker>(
            *m_source, m_kinds,
            [this](const QString& account) { return m_accounts.contains(idKey(account)); }, m_opt.cancel);
    if (m_source->find(kLists))
        readCsv(kLists, [this](CsvReader& r) { importLists(r); });
    readCsv(kCampaigns, [this](CsvReader& r) { importCampaigns(r); });
    if (m_source->find(kEvidence))
        readCsv(kEvidence, [this](CsvReader& r) { importEvidence(r); });
    if (m_source->find(kHistory))
        readCsv(kHistory, [this](CsvReader& r) { importHistory(r); });
    if (m_source->find(kComplaintsCsv))
        readCsv(kComplaintsCsv, [this](CsvReader& r) { importComplaintsCsv(r); });

    // Per-account files, in the bundle's order.
    const auto perAccount = [this](const BundleEntry& e) {
        const FileKind k = kindOf(e);
        return k == FileKind::ListFile || k == FileKind::Message || k == FileKind::Mbox || k == FileKind::Arf;
    };
    // Check the folders before reading anything (a clear error instead of a late one).
    for (const BundleEntry& e : entries) {
        if (!perAccount(e))
            continue;
        const Classified c = classify(e.path);
        checkAccountFolder(e.path, c.accountId);
        if (c.kind == FileKind::ListFile && !m_lists.contains(listKey(c.accountId, c.listId)))
            throw Error::at(
                e.path, 0, QString(), c.listId,
                QStringLiteral("list file for a list that lists.csv does not define for account %1")
                    .arg(c.accountId));
    }
    m_source->read(
        [&](const BundleEntry& e) { return perAccount(e) && !(m_worker && isMessageFile(kindOf(e))); },
        [this](const BundleEntry& e, EntryReader& r) {
            if (m_worker) // the messages before this file first (the same order, the same first error)
                takeMessages(m_source->indexOf(e), true);
            startFile(e.path);
            const Classified c = classify(e.path);
            switch (c.kind) {
            case FileKind::ListFile:
                importListFile(e.path, c, r);
                break;
            case FileKind::Message:
                writeMessage(buildMessage(e.path, c.accountId, -1, r.readAll()));
                break;
            case FileKind::Mbox:
                readMbox(e.path, r, [&](int index, const QByteArray& raw) {
                    writeMessage(buildMessage(e.path, c.accountId, index, raw));
                });
                break;
            case FileKind::Arf:
                importArf(e.path, c.accountId, r);
                break;
            default:
                break;
            }
        },
        [this](const ImportedFile& f) { fileRead(f); });

    if (m_worker)
        takeMessages(-1, true);

    // Complaints and messages naming a campaign that campaigns.csv does not define for their account: kept as
    // exported (the spec is silent; the complaint still counts for the account) and reported once per kind,
    // so the reviewer knows those rows cannot be tied to a campaign's figures.
    for (const ImportWriter::UnknownCampaignRefs& u : m_writer->unknownCampaignRefs()) {
        const QString where = u.line > 0 ? QStringLiteral("line %1").arg(u.line) : u.file;
        if (u.kind == QLatin1String("csv"))
            m_result.warnings.append(
                QStringLiteral("%1: %2 %3 a campaign_id that is not in campaigns.csv (first: %4, account %5, "
                               "campaign %6)")
                    .arg(kComplaintsCsv)
                    .arg(u.count)
                    .arg(u.count == 1 ? QStringLiteral("complaint names") : QStringLiteral("complaints name"),
                         where, u.accountId, u.campaignId));
        else
            m_result.warnings.append(
                QStringLiteral("%1: %2 %3 a campaign that is not in campaigns.csv (first: %4, account %5, "
                               "campaign %6)")
                    .arg(u.kind == QLatin1String("arf") ? QStringLiteral("complaints/")
                                                        : QStringLiteral("messages/"))
                    .arg(u.count)
                    .arg(u.kind == QLatin1String("arf")
                             ? (u.count == 1 ? QStringLiteral("ARF report names")
                                             : QStringLiteral("ARF reports name"))
                             : (u.count == 1 ? QStringLiteral("message's X-Campaign-ID names")
                                             : QStringLiteral("messages' X-Campaign-ID name")),
                         u.file, u.accountId, u.campaignId));
    }

    // The bundle hash (from the import_files rows written so far) and the re-import check.
    m_result.bundleSha256 =
        bundleHashOfSorted([this](const FileVisitor& visit) { m_writer->forEachFile(visit); });
    if (const auto previous = m_store.findImportByBundleHash(m_result.bundleSha256)) {
        m_result.previousImportId = previous->id;
        m_result.warnings.insert(
            m_warningsBeforeImport,
            QStringLiteral(
                "already imported: this bundle (sha256 %1) was imported on %2 (import %3); its accounts "
                "were replaced with the same data")
                .arg(m_result.bundleSha256.left(12), ad::time::toIso(previous->info.importedAt))
                .arg(previous->id));
    }
    m_writer->setBundleSha256(m_result.bundleSha256);

    const ImportCounts& n = m_result.counts;
    QJsonObject counts{
        {QStringLiteral("accounts"), n.accounts},     {QStringLiteral("campaigns"), n.campaigns},
        {QStringLiteral("lists"), n.lists},           {QStringLiteral("list_rows"), n.listRows},
        {QStringLiteral("complaints"), n.complaints}, {QStringLiteral("evidence"), n.evidence},
        {QStringLiteral("messages"), n.messages},     {QStringLiteral("history"), n.history}};
    QJsonObject payload{{QStringLiteral("bundle"), m_path},
                        {QStringLiteral("bundle_sha256"), m_result.bundleSha256},
                        {QStringLiteral("exported_at"), ad::time::toIso(m_exportedAt)},
                        {QStringLiteral("source"), m_manifestSource},
                        {QStringLiteral("files"), m_result.fileCount},
                        {QStringLiteral("warnings"), qint64(m_result.warnings.size())},
                        {QStringLiteral("counts"), counts}};
    if (m_result.previousImportId)
        payload.insert(QStringLiteral("already_imported_as"), m_result.previousImportId);
    const QDateTime at = info.importedAt;
    const QString actor = m_opt.reviewer.isEmpty() ? QStringLiteral("import") : m_opt.reviewer;
    m_writer->appendAudit([&](const std::optional<AuditEntry>& last) {
        return audit::nextEntry(last, at, actor, QStringLiteral("import"), QString(), payload);
    });
    checkCancel();
    m_result.importId = m_writer->commit(m_result.summaryJson());
    m_writer.reset();
    if (m_opt.progress) {
        m_progress.bytesRead = m_progress.bytesTotal;
        m_opt.progress(m_progress);
    }
    return m_result;
}

} // namespace

QString ImportResult::summaryJson() const
{
    QJsonObject o{{QStringLiteral("accounts"), counts.accounts},
                  {QStringLiteral("campaigns"), counts.campaigns},
                  {QStringLiteral("complaints"), counts.complaints},
                  {QStringLiteral("evidence"), counts.evidence},
                  {QStringLiteral("messages"), counts.messages},
                  {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString ImportResult::summaryLine() const
{
    const auto plural = [](qint64 n, const char* one, const char* many) {
        return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
    };
    QString s = QStringLiteral("imported %1, %2, %3, %4, %5")
                    .arg(plural(counts.accounts, "account", "accounts"),
                         plural(counts.campaigns, "campaign", "campaigns"),
                         plural(counts.complaints, "complaint", "complaints"),
                         plural(counts.evidence, "evidence row", "evidence rows"),
                         plural(counts.messages, "message", "messages"));
    if (counts.lists)
        s += QStringLiteral(", ") + plural(counts.lists, "list", "lists") +
             QStringLiteral(" (%1)").arg(plural(counts.listRows, "address row", "address rows"));
    s += QStringLiteral(" (%1)").arg(plural(warnings.size(), "warning", "warnings"));
    if (previousImportId)
        s += QStringLiteral("; this bundle was already imported (import %1)").arg(previousImportId);
    return s;
}

ImportResult importBundle(CaseStore& store, const QString& path, const ImportOptions& options)
{
    Importer importer(store, path, options);
    return importer.run();
}

} // namespace ad::bundle
