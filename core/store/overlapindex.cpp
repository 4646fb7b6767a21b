// SPDX-License-Identifier: GPL-3.0-or-later
// CaseStore: the persisted cross-account overlap index (table overlap_index, schema 2). The payload is
// opaque here: core/rules serialises and checks it.
#include "store/casestore.h"
#include "store/casestore_p.h"
#include "util/error.h"

namespace ad {

std::optional<QByteArray> CaseStore::overlapIndex(const QString& optionsKey, const QString& dataVersion,
                                                  int format) const
{
    auto q = d->st("SELECT payload FROM overlap_index WHERE options_key = ?1 AND data_version = ?2 AND "
                   "format = ?3");
    sql::ResetGuard g(*q);
    q->bind(1, optionsKey).bind(2, dataVersion).bind(3, format);
    if (!q->step())
        return std::nullopt;
    return q->blob(0);
}

bool CaseStore::saveOverlapIndex(const QString& optionsKey, const QString& dataVersion, int format,
                                 const QByteArray& payload, const std::function<bool()>& stillCurrent)
{
    sql::Database& db = *d->db;
    // Saving is optional for the caller: a short wait for another writer (an import, a long evaluation
    // write) rather than the connection's 5 s. Set back to the value every connection gets (openSchema).
    struct ShortWait
    {
        sql::Database& db;
        explicit ShortWait(sql::Database& database) : db(database) { db.setBusyTimeout(250); }
        ~ShortWait() { db.setBusyTimeout(5000); }
    } wait(db);
    sql::Transaction tx(db);
    if (stillCurrent && !stillCurrent())
        return false;
    auto other = d->st("DELETE FROM overlap_index WHERE data_version <> ?1");
    {
        sql::ResetGuard g(*other);
        other->bind(1, dataVersion);
        other->exec();
    }
    auto ins =
        d->st("INSERT OR REPLACE INTO overlap_index(options_key, data_version, format, saved_seq, "
              "payload) VALUES (?1, ?2, ?3, (SELECT coalesce(max(saved_seq), 0) + 1 FROM overlap_index), "
              "?4)");
    {
        sql::ResetGuard g(*ins);
        ins->bind(1, optionsKey).bind(2, dataVersion).bind(3, format).bindBlob(4, payload);
        ins->exec();
    }
    auto old = d->st("DELETE FROM overlap_index WHERE options_key NOT IN (SELECT options_key FROM "
                     "overlap_index ORDER BY saved_seq DESC LIMIT ?1)");
    {
        sql::ResetGuard g(*old);
        old->bind(1, kOverlapIndexKeep);
        old->exec();
    }
    tx.commit();
    return true;
}

} // namespace ad
