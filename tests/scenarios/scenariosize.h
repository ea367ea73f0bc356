#pragma once

namespace fest {

// The scenario suite's two sizes: short by default (the whole suite adds a few minutes to
// ctest on 2 cores), the full size when FEST_TEST_SIZE=long (./run test --long).
class ScenarioSize
{
public:
    static bool isLong();
    static int pick(int shortSize, int longSize) { return isLong() ? longSize : shortSize; }
};

} // namespace fest
