#include "core/reference_check.h"
