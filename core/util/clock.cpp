// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/clock.h"

namespace ad {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

const SystemClock& SystemClock::instance()
{
    static const SystemClock clock;
    return clock;
}

} // namespace ad
