// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/notice.h"

#include "util/error.h"
#include "util/paths.h"

#include <QFile>
#include <QRegularExpression>

namespace ad::notice {

namespace {

QString templatePath(Action action, const QString& language)
{
    return paths::resource(QStringLiteral("notices/%1.%2.txt").arg(toString(action), language));
}

} // namespace

QStringList languages()
{
    return {QStringLiteral("en"), QStringLiteral("id")};
}

bool hasTemplate(Action action, const QString& language)
{
    return QFile::exists(templatePath(action, language));
}

QString loadTemplate(Action action, const QString& language)
{
    if (!languages().contains(language))
        throw Error::input(
            QStringLiteral("unknown notice language \"%1\" (expected en or id)").arg(language));
    QFile f(templatePath(action, language));
    if (!f.open(QIODevice::ReadOnly))
        throw Error::input(QStringLiteral("no customer notice template for action %1 in language %2 (%3)")
                               .arg(toString(action), language, f.fileName()));
    return QString::fromUtf8(f.readAll());
}

QString render(const QString& templ, const QHash<QString, QString>& values)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{\\{\\s*([A-Za-z0-9_]+)\\s*\\}\\}"));
    QString out;
    QStringList missing;
    qsizetype pos = 0;
    auto it = placeholder.globalMatch(templ);
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(templ).mid(pos, m.capturedStart() - pos);
        const QString name = m.captured(1);
        const QString value = values.value(name).trimmed();
        if (value.isEmpty()) {
            if (!missing.contains(name))
                missing << name;
        } else {
            out += values.value(name);
        }
        pos = m.capturedEnd();
    }
    out += QStringView(templ).mid(pos);
    if (!missing.isEmpty())
        throw Error::input(
            QStringLiteral("the customer notice cannot be sent: placeholder(s) without a value: %1")
                .arg(missing.join(QStringLiteral(", "))));
    if (out.contains(QStringLiteral("{{")) || out.contains(QStringLiteral("}}")))
        throw Error::input(
            QStringLiteral("the customer notice cannot be sent: a malformed placeholder remains"));
    return out;
}

} // namespace ad::notice
