// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the bytes are written as a .zip file and imported into a temporary case store. Any
// outcome but a crash is fine: a bad bundle must raise ad::Error and leave the store as it was.
#include "bundle/importer.h"
#include "store/casestore.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <cstdint>
#include <memory>

namespace {

struct Env
{
    QTemporaryDir dir;
    std::unique_ptr<ad::CaseStore> store;
    QString zip;
    Env()
    {
        store = std::make_unique<ad::CaseStore>(dir.filePath(QStringLiteral("fuzz.sqlite")));
        zip = dir.filePath(QStringLiteral("input.zip"));
    }
};

Env& env()
{
    static Env e;
    return e;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    Env& e = env();
    {
        QFile f(e.zip);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        f.write(reinterpret_cast<const char*>(data), qint64(size));
    }
    ad::bundle::ImportOptions o;
    o.reviewer = QStringLiteral("fuzz");
    o.now = QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
    o.maxFileSize = 4 * 1024 * 1024; // no zip bombs
    try {
        ad::bundle::importBundle(*e.store, e.zip, o);
    } catch (const ad::Error& err) {
        (void)err.toString();
    }
    return 0;
}
