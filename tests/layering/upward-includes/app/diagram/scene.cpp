// A tree that breaks the layers, for check-includes.cmake to catch (never compiled).
#include "state/theme.h"
#include "ui/mainwindow.h"
