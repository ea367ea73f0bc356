#pragma once

#include <QString>

namespace fest {

// Text shown side by side in English and Traditional Chinese (Hong Kong).
struct LocalizedText
{
    QString en;
    QString zh;

    bool isEmpty() const { return en.isEmpty() && zh.isEmpty(); }
    bool operator==(const LocalizedText &) const = default;
};

} // namespace fest
