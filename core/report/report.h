// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Case reports for the customer, management and legal (`abusedesk-cli report`, desktop File > Export).
//
// One model, three formats: buildModel() gathers every fact of a case into one JSON object (schema:
// resources/templates/report.schema.json); toJson() prints it with sorted keys, toHtml() lays it out as
// one self-contained, printable HTML page (inline CSS and SVG, data: images, no http(s): reference:
// every URL in the text is defanged to hxxp:// / hxxps://), and the PDF is that HTML printed by
// QtWebEngine (ui/render, passed in as a PdfRenderer so core never links Gui/WebEngine).
//
// Reproducible: for the same case at the same audit state, two reports are byte-identical except the
// export time (the JSON field "exported_at"; in HTML the one line holding class="exported-at").
// Lists are in a fixed order (campaigns by sent_at then id, evidence by line, complaints by time then
// line, messages by file then position, decisions oldest first, files by path).
//
// Redaction (`redacted`): see report/redact.h. Subscribers' addresses and every IP address are masked
// in every field, message headers and bodies included; the account's own addresses are kept.
//
// Sample messages: their HTML is sanitised (report/sanitize.h) and embedded in a contained block of a
// page whose Content-Security-Policy forbids scripts, frames, forms and every load but data: images.
// An iframe sandbox was not used because Chromium prints an iframe clipped to its box, so long
// messages would be cut in the PDF; the whitelist sanitiser plus the CSP give the same guarantee.

#include "rules/policy.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace ad {
class CaseStore;
}

namespace ad::report {

enum class Format
{
    Html,
    Json,
    Pdf
};
std::optional<Format> formatFromString(QStringView s);
QString toString(Format f);
QString fileSuffix(Format f); // "html", "json", "pdf"

struct Options
{
    QString accountId;
    QString language = QStringLiteral("en"); // "en" or "id"
    bool redact = false;
    QDateTime asOf;       // invalid: the default as-of (exported_at of the latest import)
    QDateTime exportedAt; // from the caller's clock; the only field that differs between two exports
};

// The languages reports are written in.
QStringList languages();

// Gathers the case: evaluates the account (through rules::EvaluationService, which also refreshes the
// store's evaluation cache) and reads everything else from the store. Throws Error::input for an
// unknown account or language.
QJsonObject buildModel(CaseStore& store, const rules::Policy& policy, const Options& options);

QByteArray toJson(const QJsonObject& model);
QString toHtml(const QJsonObject& model);

// Renders HTML to PDF bytes. `caseId` and `title` go into every page's header; pages are numbered
// "Page n of N" (or the report language's equivalent, given as `pageLabel` with %1 and %2).
struct PdfRequest
{
    QString html;
    QString caseId;
    QString title;
    QString pageLabel; // e.g. "Page %1 of %2"
};
using PdfRenderer = std::function<QByteArray(const PdfRequest&)>;

// One export, for the desktop program's File > Export and the CLI. Writes the file atomically
// (QSaveFile). `pdf` is required for Format::Pdf (ui/render's renderPdf); Error::input otherwise.
void exportReport(CaseStore& store, const rules::Policy& policy, const Options& options, Format format,
                  const QString& path, const PdfRenderer& pdf = {});

// Several accounts into a folder, as <account>.<suffix>. `progress(done, total)` is called before each
// account and at the end; returning false cancels (Error::cancelled). Returns the files written.
QStringList exportReports(CaseStore& store, const rules::Policy& policy, const QStringList& accountIds,
                          const Options& common, Format format, const QString& folder,
                          const PdfRenderer& pdf = {},
                          const std::function<bool(int done, int total)>& progress = {});

// Localised UI string of the report (resources/templates/report-strings.json); the key itself if missing.
QString text(const QString& language, const QString& key);

} // namespace ad::report
