// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rules/rule.h"

#include <QStringList>
#include <memory>
#include <vector>

namespace ad::rules {

// The rule catalogue in its fixed order (policy-rules.md table order); findings are reported in it.
const std::vector<std::unique_ptr<Rule>>& catalogue();
// Ids of catalogue(), in order.
QStringList catalogueIds();
// The rule with this id, or nullptr.
const Rule* findRule(const QString& id);
// Position of a rule id in the catalogue (-1 when unknown).
int catalogueIndex(const QString& id);
// The snapshot parts (domain/snapshot.h) the rule reads, as registered; snapshot::All for an unknown id.
snapshot::Parts ruleParts(const QString& id);

} // namespace ad::rules
