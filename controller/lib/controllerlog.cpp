#include "controllerlog.h"

Q_LOGGING_CATEGORY(lcController, "fest.controller")
