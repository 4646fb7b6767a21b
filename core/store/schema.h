// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The case store's schema and its migrations (internal to core/store; exposed for tests).
//
// A store file is recognised by `PRAGMA application_id` (kApplicationId) and versioned by
// `PRAGMA user_version`. migrations() is the ordered list of steps: step i brings a store from schema
// version i to i+1 (step 0 creates everything for a new file). Opening:
//   - new (empty) file            -> every step runs, application_id is set;
//   - application_id == ours, user_version < latest -> the missing steps run, in place, in one transaction;
//   - user_version > latest        -> refused with Error::input (file untouched);
//   - anything else (not SQLite, another program's database) -> refused with Error::input (file untouched).

#include <QList>
#include <QString>

namespace ad::sql {
class Database;
}

namespace ad::store {

constexpr int kApplicationId = 0x41624473; // "AbDs"

struct Migration
{
    int toVersion;           // user_version after this step
    const char* description; // shown in errors
    const char* sql;         // one or more statements
};

// The shipped migrations, oldest first; migrations().last().toVersion == CaseStore::kSchemaVersion.
const QList<Migration>& migrations();

// Checks the file and brings it to the newest version of `steps`. Sets WAL, foreign_keys and
// synchronous=NORMAL on the connection. Returns the schema version now in the file.
// Throws Error::input for a foreign or newer file (before anything is written).
int openSchema(sql::Database& db, const QList<Migration>& steps);

} // namespace ad::store
