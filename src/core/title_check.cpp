#include "core/title_check.h"
