#include "scenariosize.h"

#include <QString>

namespace fest {

bool ScenarioSize::isLong()
{
    return qEnvironmentVariable("FEST_TEST_SIZE") == QLatin1String("long");
}

} // namespace fest
