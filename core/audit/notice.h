// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/types.h"

#include <QHash>
#include <QString>

namespace ad::notice {

// Customer notices are plain-text templates, one per action and language:
// resources/notices/<action>.<lang>.txt (e.g. warn.en.txt, suspend.id.txt). Placeholders are written
// {{name}}. A placeholder with no value, or an empty value, blocks the notice: render() throws
// Error::input naming every such placeholder, so no notice with a hole in it reaches a customer.
// Actions without a customer notice (dismiss) have no template; hasTemplate() tells.

bool hasTemplate(Action action, const QString& language);
QString loadTemplate(Action action, const QString& language); // throws Error::input when missing
QString render(const QString& templ, const QHash<QString, QString>& values);

// The languages notices exist in.
QStringList languages();

} // namespace ad::notice
