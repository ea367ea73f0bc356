#pragma once

#include <QLoggingCategory>

// fest.controller: what the controller does and refuses, for its log.
Q_DECLARE_LOGGING_CATEGORY(lcController)
