// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/error.h"

namespace ad {

static std::string composeWhat(const QString& file, qint64 line, const QString& column, const QString& value,
                               const QString& message)
{
    QString s;
    if (!file.isEmpty()) {
        s += file;
        if (line > 0)
            s += QLatin1Char(':') + QString::number(line);
        s += QStringLiteral(": ");
    }
    if (!column.isEmpty())
        s += QStringLiteral("column %1: ").arg(column);
    if (!value.isNull())
        s += QStringLiteral("value \"%1\": ").arg(value.left(200));
    s += message;
    return s.toStdString();
}

Error::Error(Kind kind, QString message, QString file, qint64 line, QString column, QString value)
    : std::runtime_error(composeWhat(file, line, column, value, message)), m_kind(kind),
      m_message(std::move(message)), m_file(std::move(file)), m_line(line), m_column(std::move(column)),
      m_value(std::move(value))
{}

QString Error::toString() const
{
    return QString::fromStdString(what());
}

} // namespace ad
