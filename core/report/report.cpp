// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/report.h"

#include "store/casestore.h"
#include "util/error.h"

#include <QDir>
#include <QJsonDocument>
#include <QSaveFile>

namespace ad::report {

std::optional<Format> formatFromString(QStringView s)
{
    if (s == QLatin1String("html"))
        return Format::Html;
    if (s == QLatin1String("json"))
        return Format::Json;
    if (s == QLatin1String("pdf"))
        return Format::Pdf;
    return std::nullopt;
}

QString toString(Format f)
{
    switch (f) {
    case Format::Html:
        return QStringLiteral("html");
    case Format::Json:
        return QStringLiteral("json");
    case Format::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

QString fileSuffix(Format f)
{
    return toString(f);
}

QByteArray toJson(const QJsonObject& model)
{
    // QJsonDocument writes object keys sorted, so the output is stable.
    return QJsonDocument(model).toJson(QJsonDocument::Indented);
}

void exportReport(CaseStore& store, const rules::Policy& policy, const Options& options, Format format,
                  const QString& path, const PdfRenderer& pdf)
{
    if (format == Format::Pdf && !pdf)
        throw Error::input(
            QStringLiteral("PDF reports need the desktop libraries (QtWebEngine); this build has none"));
    const QJsonObject model = buildModel(store, policy, options);
    QByteArray bytes;
    switch (format) {
    case Format::Json:
        bytes = toJson(model);
        break;
    case Format::Html:
        bytes = toHtml(model).toUtf8();
        break;
    case Format::Pdf: {
        PdfRequest req;
        req.html = toHtml(model);
        req.caseId = options.accountId;
        req.title =
            text(options.language, QStringLiteral("report.title")) + QLatin1Char(' ') + options.accountId;
        req.pageLabel = text(options.language, QStringLiteral("pdf.page"));
        bytes = pdf(req);
        if (bytes.isEmpty())
            throw Error::internal(
                QStringLiteral("the PDF renderer produced nothing for %1").arg(options.accountId));
        break;
    }
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        throw Error::input(QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
    if (f.write(bytes) != bytes.size() || !f.commit())
        throw Error::internal(QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
}

QStringList exportReports(CaseStore& store, const rules::Policy& policy, const QStringList& accountIds,
                          const Options& common, Format format, const QString& folder, const PdfRenderer& pdf,
                          const std::function<bool(int done, int total)>& progress)
{
    QDir dir(folder);
    if (!dir.exists() && !QDir().mkpath(folder))
        throw Error::input(QStringLiteral("cannot create the folder %1").arg(folder));
    QStringList written;
    const int total = int(accountIds.size());
    for (int i = 0; i < total; ++i) {
        if (progress && !progress(i, total))
            throw Error::cancelled();
        Options o = common;
        o.accountId = accountIds.at(i);
        const QString path = dir.filePath(o.accountId + QLatin1Char('.') + fileSuffix(format));
        exportReport(store, policy, o, format, path, pdf);
        written << path;
    }
    if (progress)
        progress(total, total);
    return written;
}

} // namespace ad::report
