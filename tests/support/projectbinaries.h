#pragma once

#include <QString>

namespace fest {

// Where the project's executables were built: $FEST_BINARY_DIR/bin (set by
// fest_add_test), else next to the running test.
QString projectBinaryDir();

// Absolute path of the built executable `name`, or an empty string when it was not built
// (a test should QSKIP or QFAIL with that name in the message).
QString projectBinary(const QString &name);

} // namespace fest
